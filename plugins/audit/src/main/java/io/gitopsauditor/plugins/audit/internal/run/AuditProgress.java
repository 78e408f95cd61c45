package io.gitopsauditor.plugins.audit.internal.run;

import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;

/** What a running audit tells its caller, from whichever worker thread. */
public interface AuditProgress {
    AuditProgress NONE = new AuditProgress() {
    };

    /** Sources are listed; {@code total} repositories will be judged. */
    default void inventoried(int total) {
    }

    /** One more repository is judged ({@code done} of {@code total}). */
    default void judged(int done, int total, RepositoryReport report) {
    }

    /** True once the run was asked to stop: the engine stops before the next repository. */
    default boolean cancelled() {
        return false;
    }
}
