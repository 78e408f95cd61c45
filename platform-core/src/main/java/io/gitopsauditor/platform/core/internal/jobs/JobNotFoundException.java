package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.ProblemException;

/** No job has that id (or it was pruned). */
public final class JobNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public JobNotFoundException(String id) {
        super(404, "Not Found", "No job with id '" + id + "'; GET /api/platform/jobs lists them (finished jobs are pruned after"
                + " jobs.retention).");
    }
}
