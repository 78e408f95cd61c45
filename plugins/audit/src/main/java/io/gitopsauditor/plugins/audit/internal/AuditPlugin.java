package io.gitopsauditor.plugins.audit.internal;

import io.gitopsauditor.plugin.api.PluginConfigException;
import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.inventory.RepositoryInventory;
import io.gitopsauditor.plugin.api.settings.Setting;
import io.gitopsauditor.plugin.api.settings.SettingsChange;
import io.gitopsauditor.plugin.api.spi.Plugin;
import io.gitopsauditor.plugins.audit.internal.fix.FixPlanner;
import io.gitopsauditor.plugins.audit.internal.fix.FixRunner;
import io.gitopsauditor.plugins.audit.internal.github.CloneUrlPolicy;
import io.gitopsauditor.plugins.audit.internal.rest.AuditResource;
import io.gitopsauditor.plugins.audit.internal.run.AuditService;
import io.gitopsauditor.plugins.audit.internal.store.AuditStore;
import io.gitopsauditor.plugins.audit.internal.store.StoredUrlRedaction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audit plugin: builds the inventory every plugin reads, audits it on demand, on a schedule
 * and as clones change on disk, and serves the results under {@code /api/audit}.
 */
public final class AuditPlugin implements Plugin {
    /** The plugin id: REST under /api/audit, channels audit.*, tables audit_*. */
    public static final String ID = "audit";

    /** The settings in force: from the file in register, from the declared settings from start on, then each change. */
    private final AtomicReference<AuditSettings> settings = new AtomicReference<>();
    /** A settings change came while a run was going: run again once it ends, so the new sources are read. */
    private final AtomicBoolean runAgainWhenFinished = new AtomicBoolean();
    private final Path workingDirectory = Path.of("").toAbsolutePath();
    private AuditService service;
    private CloneWatch watch;
    private ScheduledFuture<?> schedule;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID, "0.1.0")
                .name("Audit")
                .description("Every local clone against its GitHub account: work at risk, drift, history.")
                .requiresApi("0.2")
                .build();
    }

    @Override
    public void register(PluginContext context) {
        // The stored values are read from start on; until then the file's and the environment's are all there is.
        AuditSettings initial = AuditSettings.from(context.config(), workingDirectory);
        settings.set(initial);
        context.settings().declare(AuditSettings.DECLARED.toArray(Setting[]::new));
        context.migrations().script("META-INF/migrations/audit/V1__runs_reports_fixes.sql");
        context.migrations().script("META-INF/migrations/audit/V2__maintenance.sql");
        context.websocket().channel(AuditService.RUNS);
        context.websocket().channel(AuditService.REPOSITORIES);
        context.websocket().channel(AuditService.INVENTORY);

        AuditStore store = new AuditStore(context::database);
        Audits audits = new Audits(settings::get, context.github(), context.git(), () -> context.extensions().all(
                io.gitopsauditor.plugin.api.inventory.RepositorySource.class));
        service = new AuditService(() -> audits.engine(Clock.systemUTC()), store, context.events(), audits::sources,
                Clock.systemUTC(), context.logger(), initial.keepRuns());
        watch = new CloneWatch(initial, service, context.logger());
        service.onFinished(result -> watch.follow(result));
        service.onFinished(result -> {
            if (runAgainWhenFinished.getAndSet(false)) {
                context.scheduler().execute(() -> startRun(context, SETTINGS_TRIGGER));
            }
        });
        FixPlanner planner = FixPlanner.following(() -> settings.get().cloneRoot(), CloneUrlPolicy.forApi(context.github().apiUrl()));
        context.rest().resource(new AuditResource(service, store, settings::get, planner, new FixRunner(planner, context.git())));
        context.extensions().provide(RepositoryInventory.class, service);
        if (AuditPlugin.class.getModule().getClassLoader().getResource("META-INF/ui/audit/index.js") != null) {
            context.ui().bundle("META-INF/ui/audit", "index.js");
        }
    }

    /** The trigger of a run started because the folders or owners changed. */
    static final String SETTINGS_TRIGGER = "settings";

    @Override
    public void start(PluginContext context) {
        settings.set(AuditSettings.from(context.settings().values(), workingDirectory));
        // Before anything is read back and served: older versions stored remotes with their credentials.
        int redacted = new StoredUrlRedaction(context::database).run();
        if (redacted > 0) {
            context.logger().log(System.Logger.Level.INFO, "removed credentials from remote URLs in {0} stored row(s)", redacted);
        }
        service.restore();
        // Watching the stored clones walks every working tree (seconds for 1,000 clones): a task, so it runs once the
        // port is open, and the state restored above is served meanwhile.
        service.currentResult().ifPresent(result -> context.scheduler().execute(() -> watch.follow(result)));
        // The first run comes at start-up: the settings (roots, owners) may have changed since the stored state.
        schedule(context, settings.get().schedule(), Duration.ZERO);
        context.settings().onChange(change -> settingsChanged(context, change));
    }

    /**
     * On the platform's settings thread, after a change was committed: the next run reads the new
     * settings; new folders, owners or depth start one now (or right after the one going); a new
     * schedule replaces the old one.
     */
    private void settingsChanged(PluginContext context, SettingsChange change) {
        AuditSettings next;
        try {
            next = AuditSettings.from(change.after(), workingDirectory);
        } catch (PluginConfigException e) {
            context.logger().log(System.Logger.Level.WARNING, "settings change not applied: {0}", e.getMessage());
            return;
        }
        AuditSettings before = settings.getAndSet(next);
        if (!next.schedule().equals(before.schedule())) {
            schedule(context, next.schedule(), next.schedule());
        }
        if (change.changedAny("roots", "github-owners", "depth")) {
            context.logger().log(System.Logger.Level.INFO, "the folders or owners to audit changed ({0}): a new audit starts",
                    String.join(", ", new TreeSet<>(change.changed())));
            startRun(context, SETTINGS_TRIGGER);
        }
    }

    private void startRun(PluginContext context, String trigger) {
        try {
            service.start(trigger, "full");
        } catch (ProblemException running) {
            runAgainWhenFinished.set(true);
            // The run may have ended between the refusal and the flag: then no end will consume it.
            if (service.running().isEmpty() && runAgainWhenFinished.getAndSet(false)) {
                context.scheduler().execute(() -> startRun(context, trigger));
            }
        }
    }

    /** (Re)schedules the full audits; zero stops them. */
    private synchronized void schedule(PluginContext context, Duration every, Duration firstAfter) {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        if (!every.isZero()) {
            schedule = context.scheduler().scheduleWithFixedDelay(() -> scheduled(context), firstAfter.toMillis(), every.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void scheduled(PluginContext context) {
        try {
            service.start("schedule", "full");
        } catch (ProblemException e) {
            context.logger().log(System.Logger.Level.INFO, "scheduled audit skipped: {0}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (watch != null) {
            watch.close();
        }
        if (service != null) {
            service.close();
        }
    }
}
