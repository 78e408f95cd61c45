package io.gitopsauditor.plugin.api.spi;

import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.PluginDescriptor;

/**
 * A GitOps Auditor plugin: the one type a plugin implements, found by {@link java.util.ServiceLoader}.
 *
 * <p>A plugin module declares itself in its {@code module-info.java}:
 * <pre>{@code
 * module com.example.hello {
 *     requires io.gitopsauditor.plugin.api;
 *     provides io.gitopsauditor.plugin.api.spi.Plugin with com.example.hello.internal.HelloPlugin;
 *     opens com.example.hello.internal to org.glassfish.jersey.core.server, com.fasterxml.jackson.databind;
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * The kernel drives every plugin through the same steps, in this order, before the HTTP port opens:
 * <ol>
 *   <li>{@link #descriptor()} is read; a plugin whose id is taken or that needs a newer API is
 *       refused here ({@link io.gitopsauditor.plugin.api.PluginState#FAILED}).</li>
 *   <li>{@link #register(PluginContext)}: the plugin declares what it contributes: REST
 *       resources, WebSocket channels, database migrations, its UI bundle. The database is not
 *       open yet. State becomes {@code REGISTERED}.</li>
 *   <li>The kernel applies the plugin's pending migrations, each in its own transaction.</li>
 *   <li>{@link #start(PluginContext)}: the database is ready; start schedules, watchers, caches.
 *       It must return within the configured start timeout. State becomes {@code STARTED}.</li>
 *   <li>The HTTP port opens and the plugin's routes, channels and UI go live.</li>
 *   <li>On shutdown (SIGTERM) the port closes first, then {@link #stop()} runs, in reverse start order.</li>
 * </ol>
 * An exception (or a time-out) in any step marks the plugin {@code FAILED} with the reason; none
 * of its contributions is served and the platform starts without it.
 *
 * <p>A minimal plugin:
 * <pre>{@code
 * public final class HelloPlugin implements Plugin {
 *     public PluginDescriptor descriptor() {
 *         return PluginDescriptor.builder("hello", "1.0.0").name("Hello").requiresApi("0.1").build();
 *     }
 *     public void register(PluginContext context) {
 *         context.rest().resource(new HelloResource(context));
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface Plugin {

    /**
     * Who this plugin is: id, version, and the plugin API version it needs. Called once, first,
     * and must not depend on anything but constants.
     *
     * @return the descriptor, never {@code null}
     */
    PluginDescriptor descriptor();

    /**
     * Declares the plugin's contributions. Runs before migrations and before the port opens;
     * {@link PluginContext#database()} is not available yet.
     *
     * @param context this plugin's context, the same instance later passed to {@link #start}
     * @throws Exception any failure, which marks the plugin FAILED with its message
     */
    default void register(PluginContext context) throws Exception {
    }

    /**
     * Starts the plugin's own work. Runs after its migrations, before the port opens, on a
     * thread of its own, and must return within the start timeout
     * ({@code plugin-start-timeout}, which also bounds {@code register} and {@code stop}). Long
     * work belongs on {@link PluginContext#scheduler()}, whose tasks begin once the port is open.
     *
     * @param context this plugin's context
     * @throws Exception any failure, which marks the plugin FAILED with its message
     */
    default void start(PluginContext context) throws Exception {
    }

    /**
     * Stops the plugin's own work. Runs after the port has closed, in reverse start order, only
     * for plugins that started. Tasks on {@link PluginContext#scheduler()} are cancelled after
     * this returns.
     *
     * @throws Exception any failure, which is logged; shutdown carries on
     */
    default void stop() throws Exception {
    }
}
