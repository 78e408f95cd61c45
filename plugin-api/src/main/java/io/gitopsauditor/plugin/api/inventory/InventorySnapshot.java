package io.gitopsauditor.plugin.api.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The inventory at one moment.
 *
 * @param takenAt when it was built, or {@link Instant#EPOCH} if never
 * @param entries every repository, sorted by key
 * @param sources how each source fared; a repository whose hosted side comes from an
 *                {@linkplain SourceStatus.State#UNAVAILABLE unavailable} source is unknown, not missing
 * @since 0.1
 */
public record InventorySnapshot(Instant takenAt, List<InventoryEntry> entries, List<SourceStatus> sources) {

    /**
     * @throws NullPointerException when a field is missing
     */
    public InventorySnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        entries = List.copyOf(entries);
        sources = List.copyOf(sources);
    }

    /**
     * @return an inventory that was never built
     */
    public static InventorySnapshot empty() {
        return new InventorySnapshot(Instant.EPOCH, List.of(), List.of());
    }
}
