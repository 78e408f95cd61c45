package io.gitopsauditor.platform.core.internal.boot;

import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.Database;
import io.gitopsauditor.platform.core.internal.security.Authenticator;
import io.gitopsauditor.platform.core.internal.security.AuthResource;
import io.gitopsauditor.platform.core.internal.security.LiveConnections;
import io.gitopsauditor.platform.core.internal.security.LoginThrottle;
import io.gitopsauditor.platform.core.internal.security.SecurityStore;
import io.gitopsauditor.platform.core.internal.security.SetupSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's security parts for one running server: the store, the authenticator shared by the
 * gate and the WebSocket handshake, the setup secret, the login throttle, and one background
 * thread that closes WebSocket connections whose credential ended (also when the CLI revoked it)
 * and, daily, deletes old security events and expired sessions.
 */
final class Security implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Security.class);
    /** How often open WebSocket connections' credentials are re-checked. */
    static final long WATCH_SECONDS = 2;
    /** How often old security events and expired sessions are deleted (also once right after start). */
    static final Duration PRUNE_EVERY = Duration.ofDays(1);

    private final SecurityStore store;
    private final Authenticator authenticator;
    private final SetupSecret setupSecret;
    private final LiveConnections connections;
    private final AuthResource resource;
    private final Duration eventsRetention;
    private ScheduledExecutorService watch;
    private Optional<Path> setupSecretFile = Optional.empty();

    Security(PlatformConfig config, Database database) {
        store = new SecurityStore(database.dsl(), config.sessionLifetime());
        eventsRetention = config.eventsRetention();
        connections = new LiveConnections(config.webSocket().maxConnectionsPerCredential());
        authenticator = new Authenticator(store, config.publicUrl());
        setupSecret = new SetupSecret(config.dataDir());
        resource = new AuthResource(authenticator, setupSecret, new LoginThrottle(config.loginAttempts()), connections,
                config.sessionLifetime());
    }

    void prepareSetup() {
        setupSecretFile = setupSecret.prepare(!store.hasUsers());
    }

    void startWatching() {
        watch = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().daemon().name("credential-watch").unstarted(task));
        watch.scheduleWithFixedDelay(() -> connections.sweep(store), WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
        // On this background thread, not in boot: a large table must not delay the port opening.
        watch.scheduleWithFixedDelay(this::prune, 0, PRUNE_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void prune() {
        try {
            SecurityStore.Pruned pruned = store.prune(eventsRetention);
            if (pruned.events() > 0 || pruned.sessions() > 0) {
                LOG.info("deleted {} security event(s) older than {} days and {} expired session(s)", pruned.events(),
                        eventsRetention.toDays(), pruned.sessions());
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: report, and try tomorrow.
            LOG.warn("could not delete old security events and expired sessions: {}", e.getMessage());
        }
    }

    SecurityStore store() {
        return store;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    LiveConnections connections() {
        return connections;
    }

    AuthResource resource() {
        return resource;
    }

    Optional<Path> setupSecretFile() {
        return setupSecretFile;
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.shutdownNow();
        }
    }
}
