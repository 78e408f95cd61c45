package io.gitopsauditor.plugins.audit.internal.model;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What reading one local repository found: the facts, no judgement (that is {@code FindingRules}').
 *
 * @param path           the working tree (or the repository folder when bare)
 * @param kind           what it is
 * @param problem        why it could not be read fully (corrupt, missing objects, permission denied), else {@code null}
 * @param hasCommits     whether HEAD resolves to a commit
 * @param headBranch     the checked-out branch, {@code null} when detached or unreadable
 * @param headCommit     the commit HEAD points at, {@code null} when none
 * @param detached       HEAD is detached
 * @param staged         files with staged changes
 * @param unstaged       tracked files with unstaged changes (modified or deleted in the working tree)
 * @param untracked      untracked files (not ignored)
 * @param conflicted     files with merge conflicts
 * @param stashes        entries in the stash
 * @param branches       local branches, by name
 * @param remotes        remote name to fetch URL
 * @param remoteHead     the branch {@code refs/remotes/origin/HEAD} points to (the default branch as last fetched), or {@code null}
 * @param lastCommitAt   the newest commit time over local branches, or {@code null} without commits
 * @param inspectedAt    when this was read
 */
public record CloneStatus(Path path, CloneKind kind, String problem, boolean hasCommits, String headBranch,
                          String headCommit, boolean detached, int staged, int unstaged, int untracked, int conflicted,
                          int stashes, List<BranchStatus> branches, Map<String, String> remotes, String remoteHead,
                          Instant lastCommitAt, Instant inspectedAt) {

    public CloneStatus {
        branches = branches == null ? List.of() : List.copyOf(branches);
        remotes = remotes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(remotes));
    }

    /** A folder that could not be read as a repository at all. */
    public static CloneStatus unreadable(Path path, CloneKind kind, String problem, Instant at) {
        return new CloneStatus(path, kind, problem, false, null, null, false, 0, 0, 0, 0, 0, List.of(), Map.of(), null, null, at);
    }

    /** @return whether the working tree has any change: staged, unstaged, untracked or conflicted */
    public boolean dirty() {
        return staged + unstaged + untracked + conflicted > 0;
    }
}
