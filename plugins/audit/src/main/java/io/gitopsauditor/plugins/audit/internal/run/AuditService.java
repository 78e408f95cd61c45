package io.gitopsauditor.plugins.audit.internal.run;

import io.gitopsauditor.plugin.api.EventBus;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.inventory.InventorySnapshot;
import io.gitopsauditor.plugin.api.inventory.RepositoryInventory;
import io.gitopsauditor.plugin.api.inventory.RepositorySource;
import io.gitopsauditor.plugin.api.jobs.Job;
import io.gitopsauditor.plugin.api.jobs.JobCancelledException;
import io.gitopsauditor.plugin.api.jobs.JobHandle;
import io.gitopsauditor.plugin.api.jobs.JobKeyBusyException;
import io.gitopsauditor.plugin.api.jobs.JobOutcome;
import io.gitopsauditor.plugin.api.jobs.JobRequest;
import io.gitopsauditor.plugin.api.jobs.JobTask;
import io.gitopsauditor.plugin.api.jobs.Jobs;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The audit in the server: one run at a time, each a platform job (kind and key {@code audit.run})
 * that carries its progress, cancellation and outcome; every finished run stored with its reports,
 * and the current state kept in memory for the API, updated live when a watched clone changes
 * ({@code audit.repositories}). It also provides the inventory to other plugins.
 *
 * <p>{@code audit.runs} still announces each run's start, progress and end for the audit's pages;
 * its {@code progress} events say what {@code platform.jobs} says too, and can go once the pages
 * follow the job instead.
 */
public final class AuditService implements RepositoryInventory, AutoCloseable {
    public static final String RUNS = "runs";
    public static final String REPOSITORIES = "repositories";
    public static final String INVENTORY = "inventory";
    /** The job kind of a run, and its key: one run at a time. */
    public static final String RUN_JOB = "audit.run";

    /** Gives the engine for the settings in force: stale-after and parallelism follow the Settings page. */
    private final Supplier<AuditEngine> engines;
    private final AuditStore store;
    private final EventBus events;
    private final Supplier<List<RepositorySource>> sources;
    private final Clock clock;
    private final System.Logger log;
    private final int keepRuns;
    private final Jobs jobs;
    private final AtomicReference<RunProgress> running = new AtomicReference<>();
    private final Object lock = new Object();
    private volatile AuditResult current;
    private volatile List<RepositoryReport> reports = List.of();
    private volatile Instant updatedAt;
    private volatile Supplier<Set<Path>> changes = () -> null;
    private final List<java.util.function.Consumer<AuditResult>> finishedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public AuditService(Supplier<AuditEngine> engines, AuditStore store, EventBus events, Jobs jobs,
                        Supplier<List<RepositorySource>> sources, Clock clock, System.Logger log, int keepRuns) {
        this.jobs = jobs;
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

    /**
     * Loads the state the last run left, and fails runs a stop interrupted (their jobs the platform
     * has marked interrupted already).
     */
    public void restore() {
        int interrupted = store.failInterruptedRuns(clock.instant());
        if (interrupted > 0) {
            log.log(System.Logger.Level.WARNING, "{0} audit run(s) were interrupted by a stop and are marked failed (jobs {1})",
                    interrupted, jobs.interruptedAtStart().stream().map(Job::id).toList());
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
     * @param job     the job's request with who started it, from {@link #runJob()}
     * @return the run as started
     * @throws ProblemException 409 when a run is already going
     */
    public RunProgress start(String trigger, String mode, JobRequest job) {
        synchronized (lock) {
            RunProgress active = running.get();
            if (active != null) {
                throw ProblemException.conflict("Audit run " + active.runId() + " is still going (" + active.done() + " of "
                        + active.total() + "); wait for it to finish.");
            }
            String effectiveMode = "changed".equals(mode) && current != null ? "changed" : "full";
            Set<Path> changed = "changed".equals(effectiveMode) ? changes.get() : Set.of();
            // The job holds the key before the run is recorded, so a refused start leaves no run behind; the task waits
            // for the run's row.
            CompletableFuture<RunProgress> recorded = new CompletableFuture<>();
            Job started = startJob(job, handle -> execute(handle, recorded.get(), changed));
            try {
                Instant startedAt = clock.instant();
                long id = store.runStarted(trigger, effectiveMode, startedAt);
                RunProgress progress = new RunProgress(id, trigger, effectiveMode, startedAt, 0, 0, started.id());
                running.set(progress);
                events.publish(RUNS, Map.of("type", "started", "run", progress));
                recorded.complete(progress);
                return progress;
            } catch (RuntimeException e) {
                recorded.completeExceptionally(e);
                throw e;
            }
        }
    }

    /**
     * The run's record says it ended a moment before its job does (the task has yet to return): a
     * client that starts the next run as soon as it sees the last one finished may find the key still
     * held by that ending job. Only then, it waits for the key, briefly.
     */
    private Job startJob(JobRequest job, JobTask task) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jobs.start(job, task);
            } catch (JobKeyBusyException e) {
                if (attempt == 50) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Starts a run for someone who is not a REST caller: {@code schedule}, {@code fix}... */
    public RunProgress start(String trigger, String mode) {
        return start(trigger, mode, runJob().startedBy(trigger));
    }

    /** What a run is as a job: the kind and key {@code audit.run}; add who starts it. */
    public static JobRequest runJob() {
        return JobRequest.of(RUN_JOB, "All repositories").key(RUN_JOB);
    }

    private JobOutcome execute(JobHandle handle, RunProgress started, Set<Path> changed) throws InterruptedException {
        ProgressPublisher publisher = new ProgressPublisher(started, handle);
        handle.progress(0, "changed".equals(started.mode()) ? "Reading the clones that changed" : "Listing the sources");
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
            return JobOutcome.of("Audit #" + summary.id() + ": " + summary.atRisk() + " at risk", "/audit/runs/" + summary.id());
        } catch (InterruptedException | JobCancelledException e) {
            if (handle.cancelled()) {
                end(started, "cancelled", "the run was cancelled");
                throw new JobCancelledException(handle.id());
            }
            end(started, "failed", "the run was cancelled because the server is stopping");
            throw e instanceof InterruptedException interrupted ? interrupted : new InterruptedException(e.getMessage());
        } catch (RuntimeException e) {
            if (handle.cancelled()) {
                // A clone read cut short by the cancel's interrupt may fail in its own way: still a cancel.
                end(started, "cancelled", "the run was cancelled");
                throw new JobCancelledException(handle.id());
            }
            log.log(System.Logger.Level.ERROR, "audit run " + started.runId() + " failed", e);
            String error = "the run failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            end(started, "failed", error);
            throw new AuditRunFailedException("Audit #" + started.runId() + ": " + error, e);
        }
    }

    /** Records a run that ended without a result: {@code failed} or {@code cancelled}, with why. */
    private void end(RunProgress started, String status, String error) {
        running.set(null);
        try {
            store.runEnded(started.runId(), status, clock.instant(), error);
        } finally {
            events.publish(RUNS, Map.of("type", status, "runId", started.runId(), "error", error));
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

    /** Nothing of its own to stop: a run is a platform job, which the platform interrupts when it stops. */
    @Override
    public void close() {
    }

    /**
     * Tells the job every step (the platform throttles what it passes on) and publishes progress on
     * {@code audit.runs} at most every 1 % or 250 ms, so a 10,000-repository run does not flood clients.
     */
    private final class ProgressPublisher implements AuditProgress {
        private final RunProgress started;
        private final JobHandle handle;
        private volatile long lastPublished;
        private volatile int lastDone;

        ProgressPublisher(RunProgress started, JobHandle handle) {
            this.started = started;
            this.handle = handle;
        }

        @Override
        public void inventoried(int total) {
            handle.progress(0, total, "Checking " + total + " repositories");
            update(0, total, true);
        }

        @Override
        public void judged(int done, int total, RepositoryReport report) {
            handle.progress(done, total, "Checked " + report.key());
            update(done, total, done == total);
        }

        @Override
        public boolean cancelled() {
            return handle.cancelled();
        }

        private void update(int done, int total, boolean always) {
            RunProgress progress = new RunProgress(started.runId(), started.trigger(), started.mode(), started.startedAt(), done, total,
                    started.jobId());
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
