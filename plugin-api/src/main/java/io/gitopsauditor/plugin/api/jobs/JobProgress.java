package io.gitopsauditor.plugin.api.jobs;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far a job got.
 *
 * @param done    items done
 * @param total   items in all, empty while not known
 * @param message what is happening now; empty string when nothing was said
 * @since 0.2
 */
public record JobProgress(long done, OptionalLong total, String message) {
    /** Nothing done yet, total unknown. */
    public static final JobProgress NONE = new JobProgress(0, OptionalLong.empty(), "");

    /**
     * @throws IllegalArgumentException when {@code done} is negative or above the total
     */
    public JobProgress {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(message, "message");
        if (done < 0 || (total.isPresent() && (total.getAsLong() < done))) {
            throw new IllegalArgumentException("job progress must have 0 <= done <= total, got " + done + " of "
                    + (total.isPresent() ? total.getAsLong() : "?"));
        }
    }
}
