package io.gitopsauditor.plugin.api.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * How one source fared in the last inventory.
 *
 * @param id           the source id
 * @param kind         the source kind, e.g. {@code local} or {@code github}
 * @param label        what it is, for people
 * @param state        whether its repositories are known
 * @param message      why it is unavailable, or warnings; {@code null} when there is nothing to say
 * @param repositories how many repositories it yielded
 * @param scannedAt    when it was last scanned, or {@code null} if never
 * @since 0.1
 */
public record SourceStatus(String id, String kind, String label, State state, String message, int repositories,
                           Instant scannedAt) {

    /**
     * @throws NullPointerException when a required field is missing
     */
    public SourceStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        label = label == null ? id : label;
    }

    /** Whether a source's repositories are known. */
    public enum State {
        /** Scanned; its list is complete. */
        OK,
        /** Could not be scanned (unreachable, 401, rate-limited, …): its side of every match is unknown. */
        UNAVAILABLE
    }
}
