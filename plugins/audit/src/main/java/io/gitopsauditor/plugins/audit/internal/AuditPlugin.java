package io.gitopsauditor.plugins.audit.internal;

import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.inventory.RepositoryInventory;
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
import java.util.concurrent.TimeUnit;

/**
 * The audit plugin: builds the inventory every plugin reads, audits it on demand, on a schedule
 * and as clones change on disk, and serves the results under {@code /api/audit}.
 */
public final class AuditPlugin implements Plugin {
    /** The plugin id: REST under /api/audit, channels audit.*, tables audit_*. */
    public static final String ID = "audit";

    private AuditSettings settings;
    private AuditService service;
    private CloneWatch watch;

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
        settings = AuditSettings.from(context.config(), Path.of("").toAbsolutePath());
        context.migrations().script("META-INF/migrations/audit/V1__runs_reports_fixes.sql");
        context.migrations().script("META-INF/migrations/audit/V2__maintenance.sql");
        context.websocket().channel(AuditService.RUNS);
        context.websocket().channel(AuditService.REPOSITORIES);
        context.websocket().channel(AuditService.INVENTORY);

        AuditStore store = new AuditStore(context::database);
        Audits audits = new Audits(settings, context.github(), context.git(), () -> context.extensions().all(
                io.gitopsauditor.plugin.api.inventory.RepositorySource.class));
        service = new AuditService(audits.engine(Clock.systemUTC()), store, context.events(), context.jobs(), audits::sources,
                Clock.systemUTC(), context.logger(), settings.keepRuns());
        watch = new CloneWatch(settings, service, context.logger());
        service.onFinished(result -> watch.follow(result));
        FixPlanner planner = new FixPlanner(settings.cloneRoot(), CloneUrlPolicy.forApi(context.github().apiUrl()));
        context.rest().resource(new AuditResource(service, store, settings, planner, new FixRunner(planner, context.git())));
        context.extensions().provide(RepositoryInventory.class, service);
        if (AuditPlugin.class.getModule().getClassLoader().getResource("META-INF/ui/audit/index.js") != null) {
            context.ui().bundle("META-INF/ui/audit", "index.js");
        }
    }

    @Override
    public void start(PluginContext context) {
        // Before anything is read back and served: older versions stored remotes with their credentials.
        int redacted = new StoredUrlRedaction(context::database).run();
        if (redacted > 0) {
            context.logger().log(System.Logger.Level.INFO, "removed credentials from remote URLs in {0} stored row(s)", redacted);
        }
        service.restore();
        // Watching the stored clones walks every working tree (seconds for 1,000 clones): a task, so it runs once the
        // port is open, and the state restored above is served meanwhile.
        service.currentResult().ifPresent(result -> context.scheduler().execute(() -> watch.follow(result)));
        if (!settings.schedule().isZero()) {
            // The first run comes at start-up: the settings (roots, owners) may have changed since the stored state.
            context.scheduler().scheduleWithFixedDelay(() -> scheduled(context), 0, settings.schedule().toSeconds(), TimeUnit.SECONDS);
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
