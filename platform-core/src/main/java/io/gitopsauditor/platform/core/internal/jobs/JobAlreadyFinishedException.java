package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.jobs.JobState;

/** A cancel arrived for a job that has already ended: nothing to stop. */
public final class JobAlreadyFinishedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public JobAlreadyFinishedException(String id, JobState state) {
        super(409, "Conflict", "Job " + id + " has already ended (" + state.wireName() + "); there is nothing to cancel.");
    }
}
