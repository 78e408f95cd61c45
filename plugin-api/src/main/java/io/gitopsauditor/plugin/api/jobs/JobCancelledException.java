package io.gitopsauditor.plugin.api.jobs;

import io.gitopsauditor.plugin.api.PluginException;

/**
 * Thrown by {@link JobHandle#checkCancelled()} once a cancellation was asked for; a task lets it
 * out (after undoing what must be undone) and the job ends {@link JobState#CANCELLED}.
 *
 * @since 0.2
 */
public class JobCancelledException extends PluginException {
    private static final long serialVersionUID = 1L;

    /**
     * @param jobId the cancelled job
     */
    public JobCancelledException(String jobId) {
        super("job " + jobId + " was cancelled");
    }
}
