package io.gitopsauditor.plugins.audit.internal.run;

import io.gitopsauditor.plugin.api.EventBus;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.inventory.InventorySnapshot;
import io.gitopsauditor.plugin.api.inventory.RepositoryInventory;
import io.gitopsauditor.plugin.api.inventory.RepositorySource;
import io.gitopsauditor.plugins.audit.internal.inventory.InventoryMatcher;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import io.gitopsauditor.plugins.audit.internal.store.AuditStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The audit in the server: one run at a time, its progress on {@code audit.runs}, every finished
 * run stored, and the current state kept in memory for the API, updated live when a watched clone
 * changes ({@code audit.repositories}). It also provides the inventory to other plugins.
 */
public final class AuditService implements RepositoryInventory, AutoCloseable {
    public static final String RUNS = "runs";
    public static final String REPOSITORIES = "repositories";
    public static final String INVENTORY = "inventory";

    /** Gives the engine for the settings in force: stale-after and parallelism follow the Settings page. */
    private final Supplier<AuditEngine> engines;
    private final AuditStore store;
    private final EventBus events;
    private final Supplier<List<RepositorySource>> sources;
    private final Clock clock;
    private final System.Logger log;
    private final int keepRuns;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("audit-run").factory());
    private final AtomicReference<RunProgress> running = new AtomicReference<>();
    private final Object lock = new Object();
    private volatile AuditResult current;
    private volatile List<RepositoryReport> reports = List.of();
    private volatile Instant updatedAt;
    private volatile Supplier<Set<Path>> changes = () -> null;
    private final List<java.util.function.Consumer<AuditResult>> finishedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public AuditService(Supplier<AuditEngine> engines, AuditStore store, EventBus events, Supplier<List<RepositorySource>> sources,
                        Clock clock, System.Logger log, int keepRuns) {
        this.engines = engines;
        this.store = store;
        this.events = events;
        this.sources = sources;
        this.clock = clock;
        this.log = log;
        this.keepRuns = keepRuns;
    }

    /**
     * Where a {@code changed} run learns which clones changed: the watcher. The supplier returns
     * {@code null} when it cannot tell; then every clone is read again (sources are still not listed).
     */
    public void changesFrom(Supplier<Set<Path>> supplier) {
        this.changes = supplier;
    }

    /** Calls {@code listener} after each finished run, on the run's thread: the watcher follows the new inventory. */
    public void onFinished(java.util.function.Consumer<AuditResult> listener) {
        finishedListeners.add(listener);
    }

    /** Loads the state the last run left, and fails runs a stop interrupted. */
    public void restore() {
        int interrupted = store.failInterruptedRuns(clock.instant());
        if (interrupted > 0) {
            log.log(System.Logger.Level.WARNING, "{0} audit run(s) were interrupted by a stop and are marked failed", interrupted);
        }
        List<RepositoryReport> stored = store.current();
        Optional<InventoryMatcher.Matched> inventory = store.inventory();
        if (inventory.isPresent()) {
            current = new AuditResult(inventory.get(), stored, inventory.get().snapshot().takenAt(), inventory.get().snapshot().takenAt());
            reports = stored;
            updatedAt = inventory.get().snapshot().takenAt();
        }
    }

    /**
     * Starts a run in the background.
     *
     * @param trigger what asked for it
     * @param mode    {@code full}, or {@code changed} to re-read only the clones that changed since the last run, without
     *                listing any source again (falls back to full without a previous run)
     * @return the run as started
     * @throws ProblemException 409 when a run is already going
     */
    public RunProgress start(String trigger, String mode) {
        synchronized (lock) {
            RunProgress active = running.get();
            if (active != null) {
                throw ProblemException.conflict("Audit run " + active.runId() + " is still going (" + active.done() + " of "
                        + active.total() + "); wait for it to finish.");
            }
            String effectiveMode = "changed".equals(mode) && current != null ? "changed" : "full";
            Instant startedAt = clock.instant();
            long id = store.runStarted(trigger, effectiveMode, startedAt);
            RunProgress progress = new RunProgress(id, trigger, effectiveMode, startedAt, 0, 0);
            running.set(progress);
            events.publish(RUNS, Map.of("type", "started", "run", progress));
            Set<Path> changed = "changed".equals(effectiveMode) ? changes.get() : Set.of();
            worker.submit(() -> execute(progress, changed));
            return progress;
        }
    }

    private void execute(RunProgress started, Set<Path> changed) {
        ProgressPublisher publisher = new ProgressPublisher(started);
        try {
            AuditEngine engine = engines.get();
            AuditResult result = "changed".equals(started.mode()) ? engine.rerun(current, changed, publisher)
                    : engine.run(sources.get(), publisher);
            RunSummary summary = Summaries.of(started.runId(), started.trigger(), started.mode(), "finished", result.startedAt(),
                    result.finishedAt(), result.reports(), result.inventory().snapshot().sources(), null);
            store.runFinished(summary, result.reports(), result.inventory());
            store.prune(keepRuns);
            Map<String, RepositoryReport> before = byId(reports);
            current = result;
            reports = result.reports();
            updatedAt = result.finishedAt();
            running.set(null);
            events.publish(RUNS, Map.of("type", "finished", "run", summary));
            events.publish(INVENTORY, Map.of("type", "updated", "takenAt", result.inventory().snapshot().takenAt(),
                    "repositories", result.reports().size()));
            publishChanges(before, result.reports());
            finishedListeners.forEach(listener -> listener.accept(result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(started, "the run was cancelled because the server is stopping");
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.ERROR, "audit run " + started.runId() + " failed", e);
            fail(started, "the run failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void fail(RunProgress started, String error) {
        running.set(null);
        try {
            store.runFailed(started.runId(), clock.instant(), error);
        } finally {
            events.publish(RUNS, Map.of("type", "failed", "runId", started.runId(), "error", error));
        }
    }

    /**
     * Re-reads clones that changed on disk and updates the current state in place, without a run:
     * what the watcher calls. Skipped while a run is going (the run will see the change).
     */
    public void clonesChanged(Set<Path> changed) {
        AuditResult base = current;
        if (base == null || changed.isEmpty() || running.get() != null) {
            return;
        }
        try {
            AuditResult result = engines.get().rerun(base, changed, AuditProgress.NONE);
            Map<String, RepositoryReport> before = byId(reports);
            List<RepositoryReport> changedReports = result.reports().stream()
                    .filter(r -> !r.equals(before.get(r.id()))).toList();
            if (changedReports.isEmpty()) {
                return;
            }
            store.updateCurrent(changedReports, result.finishedAt());
            synchronized (lock) {
                current = result;
                reports = result.reports();
                updatedAt = result.finishedAt();
            }
            changedReports.forEach(r -> events.publish(REPOSITORIES, Map.of("type", "changed", "repository", r)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishChanges(Map<String, RepositoryReport> before, List<RepositoryReport> after) {
        for (RepositoryReport report : after) {
            RepositoryReport old = before.get(report.id());
            if (old != null && !sameJudgement(old, report)) {
                events.publish(REPOSITORIES, Map.of("type", "changed", "repository", report));
            }
        }
    }

    private static boolean sameJudgement(RepositoryReport a, RepositoryReport b) {
        return a.state() == b.state() && a.findings().equals(b.findings());
    }

    private static Map<String, RepositoryReport> byId(List<RepositoryReport> reports) {
        Map<String, RepositoryReport> map = new HashMap<>();
        reports.forEach(r -> map.put(r.id(), r));
        return map;
    }

    public Optional<RunProgress> running() {
        return Optional.ofNullable(running.get());
    }

    /** The current state: the last run's reports with live updates. */
    public List<RepositoryReport> reports() {
        return reports;
    }

    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** The current state counted like a run. */
    public Optional<RunSummary> currentSummary() {
        AuditResult result = current;
        if (result == null) {
            return Optional.empty();
        }
        return Optional.of(Summaries.of(0, "current", "current", "finished", result.startedAt(), updatedAt, reports,
                result.inventory().snapshot().sources(), null));
    }

    public Optional<AuditResult> currentResult() {
        return Optional.ofNullable(current);
    }

    @Override
    public InventorySnapshot snapshot() {
        AuditResult result = current;
        return result == null ? InventorySnapshot.empty() : result.inventory().snapshot();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** Publishes progress at most every 1 % or 250 ms, so a 10,000-repository run does not flood clients. */
    private final class ProgressPublisher implements AuditProgress {
        private final RunProgress started;
        private volatile long lastPublished;
        private volatile int lastDone;

        ProgressPublisher(RunProgress started) {
            this.started = started;
        }

        @Override
        public void inventoried(int total) {
            update(0, total, true);
        }

        @Override
        public void judged(int done, int total, RepositoryReport report) {
            update(done, total, done == total);
        }

        private void update(int done, int total, boolean always) {
            RunProgress progress = new RunProgress(started.runId(), started.trigger(), started.mode(), started.startedAt(), done, total);
            running.set(progress);
            long now = System.nanoTime();
            boolean due = always || now - lastPublished > 250_000_000L || (done - lastDone) * 100L >= Math.max(1, total);
            if (due) {
                synchronized (this) {
                    lastPublished = now;
                    lastDone = done;
                }
                events.publish(RUNS, Map.of("type", "progress", "run", progress));
            }
        }
    }
}
