package io.gitopsauditor.plugin.api.inventory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A repository (or a folder that should have been one) on this machine's disk.
 *
 * @param sourceId  the {@link RepositorySource#id()} that found it
 * @param path      its absolute path: the working tree, or the repository folder when bare
 * @param kind      what it is
 * @param remotes   remote name to fetch URL, in the repository's order; empty when it has none or is unreadable
 * @param enclosing the repository it sits inside (nested repository, submodule, worktree's main repository), or {@code null}
 * @param problem   why it is {@link CloneKind#UNREADABLE} or {@link CloneKind#NOT_A_REPOSITORY}, else {@code null}
 * @since 0.1
 */
public record LocalClone(String sourceId, Path path, CloneKind kind, Map<String, String> remotes, Path enclosing,
                         String problem) {

    /**
     * @throws NullPointerException when a required field is missing
     */
    public LocalClone {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        remotes = remotes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(remotes));
    }

    /**
     * @return the URL of {@code origin}, else of the first remote, else {@code null}
     */
    public String primaryRemoteUrl() {
        String origin = remotes.get("origin");
        return origin != null ? origin : remotes.values().stream().findFirst().orElse(null);
    }
}
