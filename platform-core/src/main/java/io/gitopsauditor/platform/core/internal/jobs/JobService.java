package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.plugin.api.jobs.Job;
import io.gitopsauditor.plugin.api.jobs.JobKeyBusyException;
import io.gitopsauditor.plugin.api.jobs.JobOutcome;
import io.gitopsauditor.plugin.api.jobs.JobRequest;
import io.gitopsauditor.plugin.api.jobs.JobState;
import io.gitopsauditor.plugin.api.jobs.JobTask;
import io.gitopsauditor.plugin.api.list.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's jobs: a bounded pool the platform owns, the jobs of this process in memory (for
 * keys, cancellation and fast reads), every job in {@code platform_jobs}, and the channel
 * {@code platform.jobs}. Progress is cheap to report: it is published at most every 250 ms per job
 * (the last report always goes out, a little later) and stored at most once a second.
 */
public final class JobService implements AutoCloseable {
    public static final String OWNER = "platform";
    public static final String TOPIC = "jobs";
    static final long PUBLISH_EVERY_NANOS = Duration.ofMillis(250).toNanos();
    static final long STORE_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final JobSettings settings;
    private final EventHub hub;
    private final JobStore store;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final Map<String, LiveJob> live = new ConcurrentHashMap<>();
    private final Map<String, LiveJob> byKey = new HashMap<>();
    private volatile Map<String, List<Job>> interruptedAtStart = Map.of();
    private volatile boolean stopping;

    public JobService(JobSettings settings, EventHub hub, Supplier<DSLContext> database, Clock clock) {
        this.settings = settings;
        this.hub = hub;
        this.store = new JobStore(database);
        this.clock = clock;
        // Threads are made on demand, so a CLI command that only registers plugins starts none.
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("job-", 1).factory());
        this.pool.allowCoreThreadTimeOut(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("jobs-timer").factory());
        hub.declare(OWNER, TOPIC);
    }

    /**
     * At start-up, after the migrations and before any plugin starts: every job the database still
     * has queued or running was left by a process that died under it, and becomes interrupted.
     */
    public void recover() {
        List<Job> interrupted = store.interruptUnfinished(clock.instant(), "The server stopped while this job was running.");
        if (!interrupted.isEmpty()) {
            LOG.warn("{} job(s) were interrupted by the last stop of the server: {}", interrupted.size(),
                    interrupted.stream().map(j -> j.id() + " " + j.kind()).toList());
        }
        interruptedAtStart = interrupted.stream().collect(Collectors.groupingBy(Job::plugin));
    }

    /** Once the port is open: prunes history now and then, never on the start path. */
    public void startPruning() {
        timer.scheduleWithFixedDelay(this::pruneQuietly, 1, 360, TimeUnit.MINUTES);
    }

    /** Deletes finished jobs beyond {@code jobs.retention} and {@code jobs.keep}; returns how many. */
    public int prune() {
        return store.prune(clock.instant().minus(settings.retention()), settings.keep());
    }

    private void pruneQuietly() {
        try {
            int pruned = prune();
            if (pruned > 0) {
                LOG.info("pruned {} finished job(s) from the history", pruned);
            }
        } catch (RuntimeException e) {
            LOG.warn("pruning the job history failed: {}", e.getMessage());
        }
    }

    /** The view one plugin gets through its context. */
    public PluginJobs forPlugin(String pluginId, Runnable requireStarted) {
        return new PluginJobs(this, pluginId, requireStarted);
    }

    List<Job> interruptedAtStart(String plugin) {
        return interruptedAtStart.getOrDefault(plugin, List.of());
    }

    Job start(String plugin, JobRequest request, JobTask task) {
        if (!request.kind().startsWith(plugin + ".")) {
            throw new IllegalArgumentException(plugin + ": a job's kind starts with the plugin id, e.g. '" + plugin + ".run'; got '"
                    + request.kind() + "'");
        }
        if (stopping) {
            throw new IllegalStateException(plugin + ": the server is stopping; no job can start");
        }
        LiveJob job;
        synchronized (byKey) {
            Optional<String> key = request.key();
            if (key.isPresent() && byKey.containsKey(key.get())) {
                LiveJob holder = byKey.get(key.get());
                throw new JobKeyBusyException(key.get(), holder.id(), holder.snapshot().subject());
            }
            java.time.Instant now = clock.instant();
            String id = store.insert(plugin, request.kind(), key.orElse(null), request.subject(), now, request.startedBy().orElse(null));
            job = new LiveJob(this, id, plugin, request.kind(), key, request.subject(), now, request.startedBy());
            live.put(id, job);
            key.ifPresent(k -> byKey.put(k, job));
        }
        publish(JobEvent.STARTED, job);
        pool.execute(() -> run(job, task));
        return job.snapshot();
    }

    private void run(LiveJob job, JobTask task) {
        if (!job.begin(Thread.currentThread())) {
            return;
        }
        JobState end = JobState.FAILED;
        String outcome = "The job ended without saying how.";
        String link = null;
        try {
            store.state(job.id(), JobState.RUNNING);
            publish(JobEvent.PROGRESS, job);
            JobOutcome result = task.run(job);
            end = JobState.SUCCEEDED;
            outcome = result.message();
            link = result.link().orElse(null);
        } catch (Exception e) {
            if (stopping) {
                end = JobState.INTERRUPTED;
                outcome = "The server stopped while this job was running.";
            } else if (job.cancelled()) {
                end = JobState.CANCELLED;
                outcome = "Cancelled.";
            } else {
                outcome = readable(job, e);
            }
        } finally {
            Thread.interrupted(); // a cancel's interrupt must not leak into the pool's next job
            finish(job, end, outcome, link);
        }
    }

    /** The exception's own message for users; the stack trace only in the log, under an id the message quotes when it has none. */
    private static String readable(LiveJob job, Exception e) {
        if (e.getMessage() != null && !e.getMessage().isBlank() && !(e instanceof NullPointerException)) {
            LOG.warn("job {} ({}) failed: {}", job.id(), job.plugin(), e.getMessage(), e);
            return e.getMessage();
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("job {} ({}) failed unexpectedly [error {}]", job.id(), job.plugin(), errorId, e);
        return "The job failed unexpectedly (error " + errorId + " in the server log).";
    }

    /**
     * Ends a job once. The end is stored first; then, in one step, it shows, its key is freed and it
     * leaves the live jobs: whoever sees it ended finds it among the finished ones and can start the
     * next job with its key.
     */
    private void finish(LiveJob job, JobState end, String outcome, String link) {
        if (!job.claimEnd()) {
            return;
        }
        java.time.Instant at = clock.instant();
        Job finished = job.endedView(end, at, outcome, link);
        try {
            store.finish(finished);
        } catch (RuntimeException e) {
            LOG.warn("could not record the end of job {}: {}", job.id(), e.getMessage());
        }
        synchronized (byKey) {
            job.end(end, at, outcome, link);
            job.key().ifPresent(k -> byKey.remove(k, job));
            live.remove(job.id());
        }
        publishQuietly(JobEvent.FINISHED, finished);
    }

    /**
     * Asks a job to stop (cooperatively: see {@link io.gitopsauditor.plugin.api.jobs.JobHandle}).
     *
     * @param by who asked, for the outcome
     * @return the job as it is now: cancelled if it was only queued, still running otherwise
     * @throws JobNotFoundException        when there is no such job
     * @throws JobAlreadyFinishedException when it has ended
     */
    public Job cancel(String id, String by) {
        LiveJob job = live.get(id);
        if (job == null) {
            Job stored = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
            throw new JobAlreadyFinishedException(id, stored.state());
        }
        if (job.state().finished()) {
            throw new JobAlreadyFinishedException(id, job.state());
        }
        LOG.info("job {} ({}) cancelled by {}", id, job.snapshot().kind(), by);
        if (job.requestCancel()) {
            finish(job, JobState.CANCELLED, "Cancelled before it started.", null);
        }
        return job.snapshot();
    }

    /** Called on every progress report; publishes and stores only when due. */
    void progressed(LiveJob job) {
        long now = System.nanoTime();
        boolean publishNow = false;
        synchronized (job) {
            long sinceLast = now - job.lastPublished;
            if (sinceLast >= PUBLISH_EVERY_NANOS) {
                job.lastPublished = now;
                publishNow = true;
            } else if (!job.flushScheduled) {
                // The last report before a pause must still go out: a trailing publish when the interval is over.
                job.flushScheduled = true;
                timer.schedule(() -> flush(job), PUBLISH_EVERY_NANOS - sinceLast, TimeUnit.NANOSECONDS);
            }
        }
        if (publishNow) {
            publish(JobEvent.PROGRESS, job);
            storeIfDue(job, now);
        }
    }

    private void flush(LiveJob job) {
        long now = System.nanoTime();
        synchronized (job) {
            job.flushScheduled = false;
            if (job.state().finished()) {
                return;
            }
            job.lastPublished = now;
        }
        publishQuietly(JobEvent.PROGRESS, job.snapshot());
        storeIfDue(job, now);
    }

    private void storeIfDue(LiveJob job, long now) {
        synchronized (job) {
            if (now - job.lastStored < STORE_EVERY_NANOS || job.state().finished()) {
                return;
            }
            job.lastStored = now;
        }
        try {
            store.progress(job.id(), job.currentProgress());
        } catch (RuntimeException e) {
            LOG.debug("job {}: progress not stored this time: {}", job.id(), e.getMessage());
        }
    }

    private void publish(String type, LiveJob job) {
        publishQuietly(type, job.snapshot());
    }

    private void publishQuietly(String type, Job job) {
        try {
            hub.publish(OWNER, TOPIC, new JobEvent(type, JobView.of(job)));
        } catch (RuntimeException e) {
            LOG.debug("job {}: event {} not published: {}", job.id(), type, e.getMessage());
        }
    }

    /** One job of any plugin, live or stored. */
    public Optional<Job> find(String id) {
        LiveJob job = live.get(id);
        return job != null ? Optional.of(job.snapshot()) : store.find(id);
    }

    /**
     * Jobs matching the filter, newest first: the live ones (from memory, exact progress) before
     * the finished ones (from the database).
     */
    public Page<JobView> list(JobFilter filter, int offset, int limit) {
        List<Job> running = filter.running().orElse(true)
                ? live.values().stream().map(LiveJob::snapshot).filter(filter::matches)
                        .sorted(Comparator.comparing((Job j) -> Long.parseLong(j.id())).reversed()).toList()
                : List.of();
        boolean withFinished = !filter.running().orElse(false);
        long total = running.size() + (withFinished ? store.countFinished(filter) : 0);
        List<Job> page = new ArrayList<>();
        if (offset < running.size()) {
            page.addAll(running.subList(offset, Math.min(running.size(), offset + limit)));
        }
        if (withFinished && page.size() < limit) {
            int finishedOffset = Math.max(0, offset - running.size());
            page.addAll(store.finished(filter, finishedOffset, limit - page.size()));
        }
        return new Page<>(page.stream().map(JobView::of).toList(), total, offset, limit, JobsResource.SORT);
    }

    /**
     * Stops: no new job; running ones are interrupted and end as {@link JobState#INTERRUPTED}
     * (given a few seconds to record it); queued ones end so too.
     */
    @Override
    public void close() {
        stopping = true;
        timer.shutdownNow();
        pool.shutdownNow(); // the queued ones never run: they are ended below
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{} job(s) did not stop within 5 s; they show as interrupted at the next start", live.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LiveJob job : List.copyOf(live.values())) {
            if (job.state() == JobState.QUEUED) {
                finish(job, JobState.INTERRUPTED, "The server stopped before this job started.", null);
            }
        }
    }
}
