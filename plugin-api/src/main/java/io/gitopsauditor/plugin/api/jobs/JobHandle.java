package io.gitopsauditor.plugin.api.jobs;

/**
 * What a running {@link JobTask} is given: where to report progress, and how to see that it was
 * cancelled. Cancellation is cooperative: the platform sets a flag and interrupts the job's thread;
 * the task stops at its next safe point (between two items of work) by calling
 * {@link #checkCancelled()} or by letting an {@link InterruptedException} out.
 *
 * <p>Report as often as is natural (every item): the platform throttles what it stores and
 * publishes, so a million ticks cost nothing.
 *
 * @since 0.2
 */
public interface JobHandle {

    /**
     * @return the job's id
     */
    String id();

    /**
     * Reports progress with a known total.
     *
     * @param done    items done so far, at least 0
     * @param total   items in all, at least {@code done}
     * @param message what is happening now, shown next to the progress (e.g. {@code Checking o/r})
     */
    void progress(long done, long total, String message);

    /**
     * Reports progress while the total is not known yet.
     *
     * @param done    items done so far, at least 0
     * @param message what is happening now
     */
    void progress(long done, String message);

    /**
     * @return true once someone asked to cancel this job
     */
    boolean cancelled();

    /**
     * A safe point: returns when the job goes on, throws when it was cancelled.
     *
     * @throws JobCancelledException when a cancellation was asked for
     */
    void checkCancelled();
}
