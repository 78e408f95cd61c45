package io.gitopsauditor.plugins.audit.internal.inventory;

import io.gitopsauditor.plugin.api.inventory.InventoryEntry;
import java.util.List;

/**
 * An inventory entry with what matching learned about it: what the audit's rules judge.
 *
 * @param entry          the repository
 * @param link           how it relates to the hosted side
 * @param remoteLocation where its primary remote points ({@code host/owner/name}), or {@code null}
 * @param sourceIds      the sources it came from
 */
public record Subject(InventoryEntry entry, HostedLink link, String remoteLocation, List<String> sourceIds) {

    public Subject {
        sourceIds = List.copyOf(sourceIds);
    }
}
