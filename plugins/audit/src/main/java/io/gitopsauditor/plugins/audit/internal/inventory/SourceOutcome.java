package io.gitopsauditor.plugins.audit.internal.inventory;

import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.plugin.api.inventory.SourceStatus;

/**
 * One source's part of an inventory.
 *
 * @param status how the scan went
 * @param scan   what it found, or {@code null} when the source was unavailable
 */
public record SourceOutcome(SourceStatus status, SourceScan scan) {

    public boolean available() {
        return status.state() == SourceStatus.State.OK && scan != null;
    }
}
