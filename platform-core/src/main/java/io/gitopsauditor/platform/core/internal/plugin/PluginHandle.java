package io.gitopsauditor.platform.core.internal.plugin;

import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.PluginState;
import io.gitopsauditor.plugin.api.spi.Plugin;
import java.util.Optional;

/**
 * The kernel's record of one plugin (or of a jar that failed before it became one): its state,
 * the reason for a failure, and what it contributed. State changes are made by
 * {@link PluginManager} only.
 */
public final class PluginHandle {
    private final String id;
    private final PluginOrigin origin;
    private final Plugin plugin;
    private final PluginDescriptor descriptor;
    private final Contributions contributions = new Contributions();
    private volatile PluginState state;
    private volatile String reason;
    private volatile DefaultPluginContext context;

    private PluginHandle(String id, PluginOrigin origin, Plugin plugin, PluginDescriptor descriptor,
                         PluginState state, String reason) {
        this.id = id;
        this.origin = origin;
        this.plugin = plugin;
        this.descriptor = descriptor;
        this.state = state;
        this.reason = reason;
    }

    static PluginHandle discovered(Plugin plugin, PluginDescriptor descriptor, PluginOrigin origin) {
        return new PluginHandle(descriptor.id(), origin, plugin, descriptor, PluginState.DISCOVERED, null);
    }

    /** A jar or provider that could not even produce a descriptor; named by file or module. */
    static PluginHandle broken(String name, PluginOrigin origin, String reason) {
        return new PluginHandle(name, origin, null, null, PluginState.FAILED, reason);
    }

    public String id() {
        return id;
    }

    public PluginOrigin origin() {
        return origin;
    }

    public Optional<PluginDescriptor> descriptor() {
        return Optional.ofNullable(descriptor);
    }

    Plugin plugin() {
        return plugin;
    }

    public PluginState state() {
        return state;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Contributions contributions() {
        return contributions;
    }

    Optional<DefaultPluginContext> context() {
        return Optional.ofNullable(context);
    }

    void context(DefaultPluginContext context) {
        this.context = context;
    }

    void state(PluginState state) {
        this.state = state;
    }

    void fail(String reason) {
        this.reason = reason;
        this.state = PluginState.FAILED;
    }

    public boolean isLive() {
        return state == PluginState.STARTED;
    }
}
