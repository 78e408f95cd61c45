package io.gitopsauditor.platform.core.internal.git;

import java.nio.file.Path;
import java.util.List;

/**
 * The platform's git settings.
 *
 * @param safeDirectories repositories owned by another user that may still be opened ({@code git.safe-directories}):
 *                        exact paths, {@code <path>/*} for everything below a folder, {@code *} for all
 * @param localRemotes    folders whose repositories may be fetched or cloned from as local paths or
 *                        {@code file://} URLs ({@code git.local-remotes}, default none)
 */
public record GitSettings(List<String> safeDirectories, List<Path> localRemotes) {

    public GitSettings {
        safeDirectories = List.copyOf(safeDirectories);
        localRemotes = List.copyOf(localRemotes);
    }

    /** @return the defaults: no exceptions to the ownership rule, no local remotes */
    public static GitSettings defaults() {
        return new GitSettings(List.of(), List.of());
    }
}
