package io.gitopsauditor.platform.core.internal.plugin;

import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.MigrationRunner;
import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.platform.core.internal.git.PlatformGit;
import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.platform.core.internal.settings.GitHubGroup;
import io.gitopsauditor.platform.core.internal.settings.SettingsService;
import io.gitopsauditor.plugin.api.ApiVersion;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.PluginState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every plugin through its lifecycle (see {@link io.gitopsauditor.plugin.api.spi.Plugin}):
 * admit (disabled? id taken? API new enough?), register, migrate, start, and at the end stop.
 * Any failure marks that one plugin FAILED with the reason and withdraws its contributions; the
 * others carry on.
 */
public final class PluginManager {
    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);

    private final PlatformConfig config;
    private final ConfigSource configSource;
    private final EventHub hub;
    private final Supplier<DSLContext> database;
    private final List<PluginHandle> plugins = new ArrayList<>();
    private final List<PluginHandle> started = new ArrayList<>();
    private final ExtensionRegistry extensions = new ExtensionRegistry();
    private final ConfiguredGitHub github;
    private final PlatformGit git;
    private final SettingsService settings;

    public PluginManager(PlatformConfig config, ConfigSource configSource, EventHub hub, Supplier<DSLContext> database) {
        this.config = config;
        this.configSource = configSource;
        this.hub = hub;
        this.database = database;
        this.github = new ConfiguredGitHub(config.github());
        this.git = new PlatformGit(config.git(), github);
        this.settings = new SettingsService(configSource, config.dataDir(), database,
                () -> plugins.stream().map(PluginHandle::id).collect(java.util.stream.Collectors.toSet()));
        GitHubGroup.declare(settings);
    }

    /** Declared settings and the secret store. */
    public SettingsService settings() {
        return settings;
    }

    /** The GitHub connection every plugin shares, with the rate limit they last saw. */
    public ConfiguredGitHub github() {
        return github;
    }

    /** Discovers, admits and registers every plugin. */
    public List<PluginHandle> load() {
        Map<String, PluginHandle> byId = new HashMap<>();
        for (PluginHandle handle : PluginDiscovery.discover(config.pluginsDir())) {
            plugins.add(handle);
            if (handle.state() == PluginState.FAILED) {
                LOG.warn("plugin {} ({}) refused: {}", handle.id(), handle.origin().describe(), handle.reason().orElse(""));
                continue;
            }
            admit(handle, byId);
            if (handle.state() == PluginState.DISCOVERED) {
                register(handle);
            }
        }
        return plugins();
    }

    private void admit(PluginHandle handle, Map<String, PluginHandle> byId) {
        PluginDescriptor descriptor = handle.descriptor().orElseThrow();
        PluginHandle holder = byId.get(descriptor.id());
        if (holder != null) {
            handle.fail("plugin id '" + descriptor.id() + "' is already taken by " + holder.origin().describe()
                    + "; this copy (" + handle.origin().describe() + ") is refused");
        } else if (!ApiVersion.CURRENT.satisfies(descriptor.requiredApi())) {
            handle.fail("needs plugin API " + descriptor.requiredApi() + ", but this platform offers " + ApiVersion.CURRENT);
        } else if (config.disabledPlugins().contains(descriptor.id())) {
            handle.state(PluginState.DISABLED);
            LOG.info("plugin {} is disabled by configuration (disabled-plugins)", descriptor.id());
        }
        if (holder == null && handle.state() != PluginState.FAILED) {
            byId.put(descriptor.id(), handle);
        }
        if (handle.state() == PluginState.FAILED) {
            LOG.warn("plugin {} ({}) refused: {}", handle.id(), handle.origin().describe(), handle.reason().orElse(""));
        }
    }

    private void register(PluginHandle handle) {
        DefaultPluginContext context = new DefaultPluginContext(handle, configSource, hub, config.dataDir(), database,
                extensions, github, git, settings);
        handle.context(context);
        if (bounded(handle, "register", () -> handle.plugin().register(context))) {
            context.closeRegistration();
            handle.state(PluginState.REGISTERED);
        }
    }

    /**
     * Fails each registered plugin whose tables a newer version of it already migrated: running
     * old code on a newer schema could lose data. Its tables are left untouched.
     */
    public void refuseNewerSchemas(MigrationRunner runner) {
        for (PluginHandle handle : withState(PluginState.REGISTERED)) {
            List<io.gitopsauditor.platform.core.internal.db.Migration> known = handle.contributions().migrations();
            int newestKnown = known.stream().mapToInt(m -> m.version()).max().orElse(0);
            runner.newestUnknown(handle.id(), known).ifPresent(version -> fail(handle, "migration", null,
                    "the database holds migration V" + version + " of this plugin, but this version of it knows only up to V"
                            + newestKnown + ": a newer version of the plugin wrote it. Install that version or newer,"
                            + " or restore a backup; its tables were left untouched"));
        }
    }

    /** Migrations not applied yet, over all registered plugins. */
    public int pendingMigrations(MigrationRunner runner) {
        return withState(PluginState.REGISTERED).stream()
                .mapToInt(h -> runner.pending(h.id(), h.contributions().migrations()))
                .sum();
    }

    /** Applies each registered plugin's pending migrations; a failure fails that plugin only. */
    public void migrate(MigrationRunner runner) {
        for (PluginHandle handle : withState(PluginState.REGISTERED)) {
            PluginDescriptor descriptor = handle.descriptor().orElseThrow();
            try {
                int applied = runner.apply(descriptor.id(), descriptor.tablePrefix(), handle.contributions().migrations());
                if (applied > 0) {
                    LOG.info("{}: applied {} migration(s)", descriptor.id(), applied);
                }
            } catch (RuntimeException e) {
                fail(handle, "migration", e);
            }
        }
    }

    /** Starts every registered plugin, in discovery order, each within the start timeout. */
    public void start() {
        // The migrations ran: a token set in the dashboard can be read now, before any plugin calls GitHub.
        github.reconfigure(GitHubGroup.current(settings, github.settings()));
        GitHubGroup.follow(settings, github.settings(), github::reconfigure);
        for (PluginHandle handle : withState(PluginState.REGISTERED)) {
            DefaultPluginContext context = handle.context().orElseThrow();
            long began = System.nanoTime();
            context.openDatabase();
            if (bounded(handle, "start", () -> handle.plugin().start(context))) {
                handle.state(PluginState.STARTED);
                started.add(handle);
                // The time is each plugin's share of the start-up budget (distribution/bench/README.md).
                LOG.info("plugin {} {} started in {} ms ({})", handle.id(), handle.descriptor().orElseThrow().version(),
                        (System.nanoTime() - began) / 1_000_000, handle.origin().describe());
            }
        }
    }

    /**
     * Called once the HTTP port is open: tasks the started plugins scheduled (in {@code start} or
     * since) may run from now on; until now they waited, so that they did not slow the boot.
     */
    public void portOpened() {
        started.forEach(handle -> handle.context().ifPresent(DefaultPluginContext::portOpened));
    }

    /** Stops a started plugin whose contributions the platform cannot serve, and fails it with the reason. */
    public void withdraw(String id, String reason) {
        for (PluginHandle handle : List.copyOf(started)) {
            if (handle.id().equals(id)) {
                started.remove(handle);
                bounded(handle, "stop", () -> handle.plugin().stop());
                fail(handle, "serve", null, reason);
            }
        }
    }

    /** Stops started plugins in reverse start order; a failing stop is logged and the rest still stop. */
    public void stop() {
        List<PluginHandle> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        for (PluginHandle handle : toStop) {
            try {
                bounded(handle, "stop", () -> handle.plugin().stop());
            } finally {
                handle.context().ifPresent(DefaultPluginContext::release);
                if (handle.state() == PluginState.STARTED) {
                    handle.state(PluginState.STOPPED);
                }
            }
        }
        started.clear();
        settings.close();
    }

    public List<PluginHandle> plugins() {
        return Collections.unmodifiableList(plugins);
    }

    /** Plugins in a given state, in discovery order. */
    public List<PluginHandle> withState(PluginState state) {
        return plugins.stream().filter(h -> h.state() == state).toList();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs one lifecycle step on a thread of its own, with the plugin's class loader as context
     * loader, and gives up after the start timeout. A step that hangs is interrupted and left
     * behind on a daemon thread; the plugin is failed either way.
     */
    private boolean bounded(PluginHandle handle, String phase, Step step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().daemon().name("plugin-" + handle.id() + "-" + phase).unstarted(() -> {
            Thread.currentThread().setContextClassLoader(handle.plugin().getClass().getClassLoader());
            try {
                step.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        thread.start();
        Duration timeout = config.pluginStartTimeout();
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            thread.interrupt();
            fail(handle, phase, null, phase + " did not return within " + timeout.toSeconds() + "s");
        } catch (ExecutionException e) {
            fail(handle, phase, e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(handle, phase, e, phase + " was interrupted");
        }
        return false;
    }

    private void fail(PluginHandle handle, String phase, Throwable error) {
        fail(handle, phase, error, null);
    }

    private void fail(PluginHandle handle, String phase, Throwable error, String reason) {
        String text = reason != null ? reason : phase + " failed: " + PluginDiscovery.messageOf(error);
        if ("stop".equals(phase)) {
            LOG.warn("plugin {}: {}", handle.id(), text, error);
            return;
        }
        handle.fail(text);
        handle.context().ifPresent(DefaultPluginContext::release);
        hub.removeOwner(handle.id());
        if (error != null) {
            LOG.error("plugin {} ({}) FAILED: {}", handle.id(), handle.origin().describe(), text, error);
        } else {
            LOG.error("plugin {} ({}) FAILED: {}", handle.id(), handle.origin().describe(), text);
        }
    }
}
