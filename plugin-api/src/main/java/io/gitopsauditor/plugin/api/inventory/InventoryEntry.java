package io.gitopsauditor.plugin.api.inventory;

import java.util.Objects;

/**
 * One repository in the inventory: its local clone, its hosted original, or both when a clone's
 * remote points at the hosted repository.
 *
 * @param key    stable across runs: {@code <host>/<owner>/<name>} (lower case) for a hosted
 *               repository, {@code local:<path>} for one that exists only on disk
 * @param name   a short display name
 * @param local  the clone on disk, or {@code null} when it is not cloned here
 * @param hosted the hosted repository, or {@code null} when it exists only locally (or its source is unavailable)
 * @since 0.1
 */
public record InventoryEntry(String key, String name, LocalClone local, HostedRepository hosted) {

    /**
     * @throws IllegalArgumentException when the entry has neither side
     */
    public InventoryEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (local == null && hosted == null) {
            throw new IllegalArgumentException("inventory entry " + key + " has neither a local clone nor a hosted repository");
        }
    }
}
