package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.jobs.Job;
import io.gitopsauditor.plugin.api.jobs.JobCancelledException;
import io.gitopsauditor.plugin.api.jobs.JobHandle;
import io.gitopsauditor.plugin.api.jobs.JobProgress;
import io.gitopsauditor.plugin.api.jobs.JobState;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A job of this process that has not ended: its state in memory (the database row trails it), and
 * the handle its task reports through. State changes hold the job's monitor, so that a cancel and
 * the task's start or end cannot cross.
 */
final class LiveJob implements JobHandle {
    private static final int MAX_MESSAGE = 300;

    private final JobService service;
    private final String id;
    private final String plugin;
    private final String kind;
    private final Optional<String> key;
    private final String subject;
    private final Instant startedAt;
    private final Optional<String> startedBy;

    private volatile JobState state = JobState.QUEUED;
    private volatile JobProgress progress = JobProgress.NONE;
    private volatile boolean cancelRequested;
    /** Set by the one caller that ends the job, before its end is stored (see {@link JobService}). */
    private boolean ending;
    private Thread thread;
    private Instant finishedAt;
    private String outcome;
    private String link;

    /** Throttling, under the monitor: see {@link JobService#progressed}. */
    long lastPublished;
    long lastStored;
    boolean flushScheduled;

    LiveJob(JobService service, String id, String plugin, String kind, Optional<String> key, String subject, Instant startedAt,
            Optional<String> startedBy) {
        this.service = service;
        this.id = id;
        this.plugin = plugin;
        this.kind = kind;
        this.key = key;
        this.subject = subject;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
    }

    @Override
    public String id() {
        return id;
    }

    String plugin() {
        return plugin;
    }

    Optional<String> key() {
        return key;
    }

    JobState state() {
        return state;
    }

    JobProgress currentProgress() {
        return progress;
    }

    @Override
    public void progress(long done, long total, String message) {
        report(new JobProgress(done, OptionalLong.of(total), shortened(message)));
    }

    @Override
    public void progress(long done, String message) {
        report(new JobProgress(done, OptionalLong.empty(), shortened(message)));
    }

    private void report(JobProgress next) {
        progress = next;
        service.progressed(this);
    }

    @Override
    public boolean cancelled() {
        return cancelRequested;
    }

    @Override
    public void checkCancelled() {
        if (cancelRequested) {
            throw new JobCancelledException(id);
        }
    }

    /** The pool thread picks the job up; false when it was cancelled while queued (and has ended). */
    synchronized boolean begin(Thread runner) {
        if (state != JobState.QUEUED || ending) {
            return false;
        }
        state = JobState.RUNNING;
        thread = runner;
        return true;
    }

    /**
     * Asks the job to stop: a queued job ends here (returns true: the caller records the end); a
     * running one has its flag set and its thread interrupted, and ends when its task lets go.
     */
    synchronized boolean requestCancel() {
        cancelRequested = true;
        if (state == JobState.QUEUED) {
            return true;
        }
        if (thread != null) {
            thread.interrupt();
        }
        return false;
    }

    /** Claims the right to end the job; false when someone else already has. */
    synchronized boolean claimEnd() {
        if (ending || state.finished()) {
            return false;
        }
        ending = true;
        return true;
    }

    /** The job as it will be once ended, without changing it: what is stored before the end shows. */
    synchronized Job endedView(JobState end, Instant at, String outcome, String link) {
        return new Job(id, plugin, kind, key, subject, end, progress, startedAt, Optional.of(at),
                Optional.ofNullable(outcome).map(LiveJob::shortened), Optional.ofNullable(link), startedBy);
    }

    /** Makes the end visible (after {@link #claimEnd()}). */
    synchronized void end(JobState end, Instant at, String outcome, String link) {
        this.state = end;
        this.finishedAt = at;
        this.outcome = outcome == null ? null : shortened(outcome);
        this.link = link;
        this.thread = null;
    }

    synchronized Job snapshot() {
        return new Job(id, plugin, kind, key, subject, state, progress, startedAt, Optional.ofNullable(finishedAt),
                Optional.ofNullable(outcome), Optional.ofNullable(link), startedBy);
    }

    private static String shortened(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() <= MAX_MESSAGE ? value : value.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
