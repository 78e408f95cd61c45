package io.gitopsauditor.plugin.api.inventory;

import java.util.List;

/**
 * What one scan of a source found. A local source fills {@code clones}, a hosting source
 * {@code hosted}; problems with single repositories or folders go in {@code warnings} and do
 * not stop the scan.
 *
 * @param clones   repositories (and would-be repositories) on disk
 * @param hosted   repositories on the hosting service
 * @param warnings one readable line per thing that could not be read, e.g. a folder without permission
 * @since 0.1
 */
public record SourceScan(List<LocalClone> clones, List<HostedRepository> hosted, List<String> warnings) {

    /**
     * Copies the lists; {@code null} means empty.
     */
    public SourceScan {
        clones = clones == null ? List.of() : List.copyOf(clones);
        hosted = hosted == null ? List.of() : List.copyOf(hosted);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
