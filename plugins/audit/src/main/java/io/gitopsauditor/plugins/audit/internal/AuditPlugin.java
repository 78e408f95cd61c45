package io.gitopsauditor.plugins.audit.internal;

import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.spi.Plugin;

/** The audit plugin: inventory and drift audit. */
public final class AuditPlugin implements Plugin {
    /** The plugin id: REST under /api/audit, channels audit.*, tables audit_*. */
    public static final String ID = "audit";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID, "0.1.0")
                .name("Audit")
                .description("Every local clone against its GitHub account: work at risk, drift, history.")
                .requiresApi("0.1")
                .build();
    }

    @Override
    public void register(PluginContext context) {
    }
}
