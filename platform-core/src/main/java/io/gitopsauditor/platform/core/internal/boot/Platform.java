package io.gitopsauditor.platform.core.internal.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.DataDirectoryLock;
import io.gitopsauditor.platform.core.internal.db.Database;
import io.gitopsauditor.platform.core.internal.db.MigrationRunner;
import io.gitopsauditor.platform.core.internal.db.PrivateFiles;
import io.gitopsauditor.platform.core.internal.security.SetupSecret;
import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.platform.core.internal.http.HttpServer;
import io.gitopsauditor.platform.core.internal.http.Json;
import io.gitopsauditor.platform.core.internal.http.PlatformResource;
import io.gitopsauditor.platform.core.internal.http.RejectedResources;
import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import io.gitopsauditor.platform.core.internal.settings.SettingsService;
import io.gitopsauditor.platform.core.internal.settings.SettingsResource;
import io.gitopsauditor.plugin.api.PluginState;
import io.gitopsauditor.platform.core.internal.plugin.PluginManager;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running platform. {@link #boot} goes through the documented sequence (config, database,
 * discovery, register, migrations, start, then the HTTP port); {@link #close} undoes it in
 * reverse: port, plugins, event hub, database.
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final PlatformConfig config;
    private final DataDirectoryLock lock;
    private final Database database;
    private final EventHub hub;
    private final PluginManager plugins;
    private final HttpServer http;
    private final Security security;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Platform(PlatformConfig config, DataDirectoryLock lock, Database database, EventHub hub, PluginManager plugins,
                     HttpServer http, Security security) {
        this.config = config;
        this.lock = lock;
        this.database = database;
        this.hub = hub;
        this.plugins = plugins;
        this.http = http;
        this.security = security;
    }

    /**
     * Boots the platform and opens the port.
     *
     * @throws PlatformStartException when the data directory, the database or the port cannot be had
     */
    public static Platform boot(ConfigSource source) {
        BootPhases phases = new BootPhases();
        PlatformConfig config = PlatformConfig.from(source);
        PlatformConfig.unknownKeys(source).forEach(key -> LOG.warn("unknown configuration key '{}' is ignored", key));
        createFolders(config);
        phases.done("config");
        DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir(), "start a server on it");
        Database database;
        try {
            database = Database.open(config.dataDir(), config.databaseBusyTimeout(), config.databasePoolSize());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        phases.done("database");
        ObjectMapper json = Json.mapper();
        EventHub hub = new EventHub(json, config.webSocket().historySize());
        PluginManager plugins = new PluginManager(config, source, hub, database::dsl);
        Security security = new Security(config, database);
        HttpServer http = null;
        try {
            MigrationRunner migrations = new MigrationRunner(database.dsl());
            phases.done("kernel services");
            plugins.load();
            phases.done("plugin discovery and register");
            SchemaUpgrade.run(database, migrations, plugins, config, PlatformInfo.current().version());
            phases.done("migrations");
            plugins.start();
            phases.done("plugin start");
            security.prepareSetup();
            http = startHttp(config, json, hub, plugins, database, security);
            phases.done("HTTP");
        } catch (Exception e) {
            release(http, security, plugins, hub, database, lock);
            if (causedByBind(e)) {
                throw new PlatformStartException("cannot listen on " + config.bind() + ":" + config.port()
                        + ": the port is in use or the address is not on this machine (set --port / server.port)", e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PlatformStartException("cannot start the HTTP server: " + e.getMessage(), e);
        }
        security.startWatching();
        plugins.portOpened();
        logReady(phases);
        return new Platform(config, lock, database, hub, plugins, http, security);
    }

    /**
     * Opens the port with every started plugin's routes. When Jersey rejects a plugin's resources,
     * that plugin is withdrawn (stopped, FAILED with Jersey's reason) and the server is built
     * again without it; each round removes at least one plugin, so this ends.
     */
    private static HttpServer startHttp(PlatformConfig config, ObjectMapper json, EventHub hub, PluginManager plugins,
                                        Database database, Security security) throws Exception {
        while (true) {
            List<PluginHandle> live = plugins.withState(PluginState.STARTED);
            HttpServer http = new HttpServer(config, json, hub,
                    List.of(new PlatformResource(PlatformInfo.current(), plugins, database.dsl()), security.resource(),
                            new SettingsResource(plugins.settings(), security.store()::record)), live,
                    security.authenticator(), security.connections());
            try {
                http.start();
                return http;
            } catch (Exception e) {
                stopQuietly(http);
                Map<String, String> rejected = RejectedResources.blame(e, live);
                if (rejected.isEmpty()) {
                    throw e;
                }
                rejected.forEach((id, reason) -> plugins.withdraw(id, "its REST resources were rejected: " + reason));
            }
        }
    }

    /**
     * One line per start saying where its time went (the bench and the start-up budget read it).
     * The JVM's own start is not in it: the process start time the JDK reports is only as exact as
     * the kernel's boot time in seconds; {@code distribution/bench/startup.sh} measures from launch.
     */
    private static void logReady(BootPhases phases) {
        LOG.info("ready in {} ms ({})", phases.total().toMillis(), phases.summary());
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void createFolders(PlatformConfig config) {
        try {
            List<java.nio.file.Path> tightened = PrivateFiles.secureDataDirectory(config.dataDir(), List.of(Database.FILE_NAME,
                    Database.FILE_NAME + "-wal", Database.FILE_NAME + "-shm", SetupSecret.FILE_NAME,
                    SettingsService.KEY_FILE_NAME));
            if (!tightened.isEmpty()) {
                LOG.warn("made {} file(s) and folder(s) in {} readable by this user only (they were open to others): {}",
                        tightened.size(), config.dataDir(), tightened.stream().map(p -> config.dataDir().relativize(p).toString())
                                .map(name -> name.isEmpty() ? "." : name).toList());
            }
            Files.createDirectories(config.pluginsDir());
        } catch (IOException e) {
            throw new PlatformStartException("cannot create " + e.getMessage() + " (check permissions of the data directory)", e);
        }
    }

    public int port() {
        return http.port();
    }

    /** Every REST route being served, the kernel's and the plugins', from Jersey's live model. */
    public List<io.gitopsauditor.platform.core.internal.http.Route> routes() {
        return http.routes();
    }

    public PlatformConfig config() {
        return config;
    }

    public List<PluginHandle> plugins() {
        return plugins.plugins();
    }

    public Database database() {
        return database;
    }

    /** While no admin exists: the file holding the one-time setup secret. */
    public java.util.Optional<java.nio.file.Path> setupSecretFile() {
        return security.setupSecretFile();
    }

    /** The kernel's users, tokens and sessions (for tests and tools in this module). */
    public io.gitopsauditor.platform.core.internal.security.SecurityStore securityStore() {
        return security.store();
    }

    /** Stops in reverse boot order; safe to call twice (e.g. from a test and the shutdown hook). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping: closing the HTTP port, then plugins, then the database");
        release(http, security, plugins, hub, database, lock);
        LOG.info("stopped cleanly");
    }

    /** Reverse boot order: the port, the credential watch, plugins, the event hub, the database, the lock. */
    private static void release(HttpServer http, Security security, PluginManager plugins, EventHub hub, Database database,
                                DataDirectoryLock lock) {
        stopQuietly(http);
        security.close();
        plugins.stop();
        hub.close();
        database.close();
        lock.close();
    }

    private static void stopQuietly(HttpServer http) {
        if (http == null) {
            return;
        }
        try {
            http.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.getMessage());
        }
    }
}
