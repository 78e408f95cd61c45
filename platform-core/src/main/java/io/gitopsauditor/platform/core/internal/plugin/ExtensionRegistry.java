package io.gitopsauditor.platform.core.internal.plugin;

import io.gitopsauditor.plugin.api.Extensions;
import io.gitopsauditor.plugin.api.PluginState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every extension every plugin provided, in discovery order. Lookups skip plugins that failed or
 * stopped, so a withdrawn plugin's services vanish without anyone unregistering them.
 */
final class ExtensionRegistry {
    private static final Module API = Extensions.class.getModule();

    private record Provided(PluginHandle provider, Class<?> type, Object implementation) {
    }

    private final List<Provided> provided = new CopyOnWriteArrayList<>();

    void provide(PluginHandle provider, Class<?> type, Object implementation) {
        if (type == null || implementation == null) {
            throw new IllegalArgumentException(provider.id() + ": extension type and implementation must not be null");
        }
        // Only the API's interfaces: otherwise plugins would name each other's types.
        if (!type.isInterface() || type.getModule() != API) {
            throw new IllegalArgumentException(provider.id() + ": " + type.getName()
                    + " is not an extension point; extension points are interfaces of the plugin API");
        }
        if (!type.isInstance(implementation)) {
            throw new IllegalArgumentException(provider.id() + ": " + implementation.getClass().getName()
                    + " does not implement " + type.getName());
        }
        provided.add(new Provided(provider, type, implementation));
    }

    <T> List<T> all(Class<T> type) {
        return provided.stream()
                .filter(p -> p.type() == type)
                .filter(p -> p.provider().state() == PluginState.REGISTERED || p.provider().state() == PluginState.STARTED)
                .map(p -> type.cast(p.implementation()))
                .toList();
    }
}
