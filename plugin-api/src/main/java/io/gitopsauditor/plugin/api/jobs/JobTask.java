package io.gitopsauditor.plugin.api.jobs;

/**
 * The work of one job. It runs on a platform thread; it reports through its {@link JobHandle} and
 * ends by returning an outcome or by throwing.
 *
 * <p>How it ends decides the job's end state: returning gives {@link JobState#SUCCEEDED};
 * throwing after a cancellation was asked for (typically {@link JobCancelledException} from
 * {@link JobHandle#checkCancelled()} or an {@link InterruptedException}) gives
 * {@link JobState#CANCELLED}; any other exception gives {@link JobState#FAILED} with the
 * exception's message as the outcome (never its stack trace, which is only logged).
 *
 * @since 0.2
 */
@FunctionalInterface
public interface JobTask {

    /**
     * @param handle where to report progress and see a cancellation
     * @return how the job ended, shown to users
     * @throws Exception when the job failed or was cancelled
     */
    JobOutcome run(JobHandle handle) throws Exception;
}
