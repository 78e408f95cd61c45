package io.gitopsauditor.plugin.api.jobs;

import io.gitopsauditor.plugin.api.ProblemException;

/**
 * A job was not started because another job with the same key is queued or running. It is a
 * {@link ProblemException} with status 409, so a REST resource can simply let it through; a
 * background caller (a schedule) catches it and skips its turn.
 *
 * @since 0.2
 */
public class JobKeyBusyException extends ProblemException {
    private static final long serialVersionUID = 1L;

    /** The id of the job holding the key. */
    private final String runningJobId;

    /**
     * @param key          the key asked for
     * @param runningJobId the job holding it
     * @param subject      what that job works on
     */
    public JobKeyBusyException(String key, String runningJobId, String subject) {
        super(409, "Conflict", "Job " + runningJobId + " (" + subject + ") is already running for '" + key
                + "'; wait for it to finish or cancel it (POST /api/platform/jobs/" + runningJobId + "/cancel).");
        this.runningJobId = runningJobId;
    }

    /**
     * @return the id of the job holding the key
     */
    public String runningJobId() {
        return runningJobId;
    }
}
