package io.gitopsauditor.plugins.audit.internal.cli;

import io.gitopsauditor.plugin.api.spi.PluginCommand;
import java.util.List;

/** {@code gitops-auditor audit}: one audit without a server, for cron and CI. */
public final class AuditCommand implements PluginCommand {
    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String pluginId() {
        return "audit";
    }

    @Override
    public String summary() {
        return "Audit local clones against GitHub once, without a server (for cron and CI).";
    }

    @Override
    public int run(Environment environment, List<String> arguments) {
        environment.err().println("error: not implemented yet");
        return 1;
    }
}
