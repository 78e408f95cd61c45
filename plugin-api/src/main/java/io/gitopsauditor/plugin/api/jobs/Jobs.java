package io.gitopsauditor.plugin.api.jobs;

import java.util.List;
import java.util.Optional;

/**
 * Starts and looks up this plugin's jobs. A job runs on the platform's bounded job pool (setting
 * {@code jobs.threads}); it waits as {@link JobState#QUEUED} while every thread is busy.
 *
 * <p>A <em>key</em> makes jobs exclusive: while one job with a key is queued or running, starting
 * another with the same key is refused with {@link JobKeyBusyException} (a 409 when it reaches the
 * REST client), never queued behind it. Refusing tells the caller at once that the work is already
 * going, which is what an audit run, a sync or a deployment wants; a caller that wants to wait can
 * watch the running job on {@code platform.jobs} and start again when it ends.
 *
 * <pre>{@code
 * Job job = context.jobs().start(
 *         JobRequest.of("hello.count", "Counting to ten").key("hello.count").startedBy(securityContext),
 *         handle -> {
 *             for (int i = 1; i <= 10; i++) {
 *                 handle.checkCancelled();
 *                 Thread.sleep(1000);
 *                 handle.progress(i, 10, "Counted " + i);
 *             }
 *             return JobOutcome.of("Counted to ten");
 *         });
 * }</pre>
 *
 * @since 0.2
 */
public interface Jobs {

    /**
     * Records the job as queued and hands it to the job pool. Returns at once; the task runs on a
     * pool thread.
     *
     * @param request what the job is: kind, subject, optional key and who started it
     * @param task    the work
     * @return the job as recorded (state {@link JobState#QUEUED}, or already further)
     * @throws JobKeyBusyException when a job with the same key is queued or running
     * @throws IllegalArgumentException when the kind does not start with this plugin's id and a dot
     */
    Job start(JobRequest request, JobTask task);

    /**
     * @param id a job id
     * @return that job, if it is one of this plugin's
     */
    Optional<Job> find(String id);

    /**
     * This plugin's jobs that were still queued or running when the server last stopped without
     * finishing them (a crash, {@code kill -9}): the platform marked them
     * {@link JobState#INTERRUPTED} at this start, before plugins started. Read it in {@code start}
     * to mark the plugin's own records of that work interrupted too.
     *
     * @return those jobs, oldest first; empty when none
     */
    List<Job> interruptedAtStart();
}
