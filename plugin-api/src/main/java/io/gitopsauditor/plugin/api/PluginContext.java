package io.gitopsauditor.plugin.api;

import io.gitopsauditor.plugin.api.git.GitRepositories;
import io.gitopsauditor.plugin.api.inventory.RepositoryInventory;
import io.gitopsauditor.plugin.api.settings.Secrets;
import io.gitopsauditor.plugin.api.settings.Settings;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import org.jooq.DSLContext;

/**
 * Everything the kernel offers one plugin. Each plugin gets its own context; every name it
 * hands out is scoped to the plugin's id, so a plugin cannot reach into another's routes,
 * channels, tables or configuration by accident.
 *
 * <p>The registrars ({@link #rest()}, {@link #websocket()}, {@link #migrations()}, {@link #ui()})
 * accept contributions during {@link io.gitopsauditor.plugin.api.spi.Plugin#register register}
 * only; afterwards they throw {@link PluginStateException}.
 *
 * @since 0.1
 */
public interface PluginContext {

    /**
     * @return this plugin's descriptor
     */
    PluginDescriptor descriptor();

    /**
     * @return this plugin's configuration: the keys under {@code plugins.<id>.}
     */
    PluginConfig config();

    /**
     * @return where to add JAX-RS resources, served under {@code /api/<id>}
     */
    RestRegistrar rest();

    /**
     * @return where to declare the WebSocket channels this plugin publishes
     */
    WebSocketRegistrar websocket();

    /**
     * @return where to add this plugin's ordered SQL migrations
     */
    MigrationRegistrar migrations();

    /**
     * @return where to declare this plugin's UI bundle, served under {@code /ui/<id>/}
     */
    UiRegistrar ui();

    /**
     * The platform database, for this plugin's own tables ({@link PluginDescriptor#tablePrefix()}).
     *
     * @return a jOOQ context bound to the SQLite database
     * @throws PluginStateException when called before this plugin's migrations ran (i.e. in register)
     */
    DSLContext database();

    /**
     * @return the event bus: publish on this plugin's channels, listen to any plugin's
     */
    EventBus events();

    /**
     * A scheduler owned by this plugin: its tasks run on daemon threads named after the plugin,
     * exceptions are logged, and everything is cancelled when the plugin stops. No task runs
     * before the HTTP port is open: one due earlier (scheduled in {@code start}) waits until then,
     * so that the plugins' work does not slow the server's start.
     *
     * @return the plugin's scheduler
     */
    ScheduledExecutorService scheduler();

    /**
     * @return a logger named {@code gitops.plugin.<id>}
     */
    System.Logger logger();

    /**
     * A folder this plugin may keep files in, under the platform's data directory; created on
     * first call.
     *
     * @return the plugin's own data folder
     */
    Path dataDirectory();

    /**
     * @return extension points: provide implementations (in register), look up other plugins'
     */
    Extensions extensions();

    /**
     * The repository inventory, built by whichever plugin provides a {@link RepositoryInventory}
     * (the audit plugin). Read it instead of scanning disks or GitHub yourself.
     *
     * @return the provided inventory, or {@link RepositoryInventory#none()} when no plugin provides one
     */
    default RepositoryInventory repositories() {
        return extensions().first(RepositoryInventory.class).orElseGet(RepositoryInventory::none);
    }

    /**
     * @return the platform's one configured GitHub connection: address, token, rate limit
     */
    GitHubConnection github();

    /**
     * The platform's one safe way to open, fetch, clone and commit to git repositories. Never open a
     * repository with JGit directly: a clone's own config could make the service run commands.
     *
     * @return the shared git service
     * @since 0.2
     */
    GitRepositories git();

    /**
     * This plugin's declared settings: declare them in register, read their values and follow
     * their changes from start on. Keys not declared stay readable through {@link #config()}.
     *
     * @return the plugin's settings
     * @since 0.2
     */
    Settings settings();

    /**
     * The secret store, read-only: this plugin's own secrets ({@code <plugin id>.*}) and the
     * platform's {@code github.token}.
     *
     * @return the secrets this plugin may read
     * @since 0.2
     */
    Secrets secrets();
}
