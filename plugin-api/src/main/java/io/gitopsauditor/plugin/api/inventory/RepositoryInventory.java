package io.gitopsauditor.plugin.api.inventory;

import java.util.Optional;

/**
 * Read access to the inventory. One plugin provides it (as an
 * {@linkplain io.gitopsauditor.plugin.api.Extensions extension}); every plugin reads it through
 * {@link io.gitopsauditor.plugin.api.PluginContext#repositories()}. To hear when it changes,
 * listen on the provider's channel (the audit plugin publishes {@code audit.inventory}).
 *
 * @since 0.1
 */
public interface RepositoryInventory {

    /**
     * @return the latest inventory; {@link InventorySnapshot#empty()} before the first one
     */
    InventorySnapshot snapshot();

    /**
     * @param key an {@link InventoryEntry#key()}
     * @return that repository in the latest inventory
     */
    default Optional<InventoryEntry> find(String key) {
        return snapshot().entries().stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    /**
     * @return whether a plugin provides the inventory; {@code false} for {@link #none()}
     */
    default boolean available() {
        return true;
    }

    /**
     * @return the inventory seen when no plugin provides one: always empty
     */
    static RepositoryInventory none() {
        return new RepositoryInventory() {
            @Override
            public InventorySnapshot snapshot() {
                return InventorySnapshot.empty();
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }
}
