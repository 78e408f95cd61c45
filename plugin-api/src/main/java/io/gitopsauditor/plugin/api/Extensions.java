package io.gitopsauditor.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * Extension points: how plugins offer each other services without naming each other. A plugin
 * {@linkplain #provide provides} an implementation of an interface declared in the plugin API
 * (for example a {@link io.gitopsauditor.plugin.api.inventory.RepositorySource}); any plugin
 * {@linkplain #all looks them up} when it needs them.
 *
 * <p>Look extensions up when you use them, not once in {@code start}: plugins start one after
 * another, and a plugin that fails is withdrawn with everything it provided.
 *
 * @since 0.1
 */
public interface Extensions {

    /**
     * Offers an implementation of an extension point. Allowed during
     * {@link io.gitopsauditor.plugin.api.spi.Plugin#register register} only.
     *
     * @param type           the extension point: an interface of the plugin API module
     * @param implementation the implementation, used from any thread
     * @param <T>            the extension point
     * @throws IllegalArgumentException when {@code type} is not an interface of the plugin API
     * @throws PluginStateException     after register
     */
    <T> void provide(Class<T> type, T implementation);

    /**
     * Every implementation of an extension point offered by a plugin that is registered or
     * started (not failed, not stopped), in plugin discovery order: built-in plugins first.
     *
     * @param type the extension point
     * @param <T>  the extension point
     * @return a snapshot, possibly empty
     */
    <T> List<T> all(Class<T> type);

    /**
     * @param type the extension point
     * @param <T>  the extension point
     * @return the first implementation in discovery order, if any
     */
    default <T> Optional<T> first(Class<T> type) {
        return all(type).stream().findFirst();
    }
}
