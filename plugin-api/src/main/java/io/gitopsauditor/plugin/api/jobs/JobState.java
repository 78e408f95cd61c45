package io.gitopsauditor.plugin.api.jobs;

import java.util.Locale;

/**
 * Where a job is in its life. {@code QUEUED -> RUNNING ->} one of the end states; a queued job
 * may also go straight to {@link #CANCELLED}. On the wire the name is lower case.
 *
 * @since 0.2
 */
public enum JobState {
    /** Waiting for a free thread of the job pool. */
    QUEUED,
    /** Its task is running. */
    RUNNING,
    /** Its task returned an outcome. */
    SUCCEEDED,
    /** Its task threw; the outcome holds the exception's message. */
    FAILED,
    /** Someone cancelled it and the task stopped (or it never started). */
    CANCELLED,
    /** The server stopped under it: it was queued or running when the process ended. */
    INTERRUPTED;

    /**
     * @return true for the end states: it will not change again
     */
    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    /**
     * @return the name as the wire has it, e.g. {@code running}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
