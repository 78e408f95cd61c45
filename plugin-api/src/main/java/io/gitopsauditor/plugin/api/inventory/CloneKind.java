package io.gitopsauditor.plugin.api.inventory;

/**
 * What a folder found by a local source is.
 *
 * @since 0.1
 */
public enum CloneKind {
    /** A repository with a working tree ({@code .git} folder). */
    WORKING_TREE,
    /** A repository without a working tree. */
    BARE,
    /** A linked worktree of another repository ({@code .git} file pointing into its {@code worktrees/}). */
    LINKED_WORKTREE,
    /** A submodule checked out inside another repository. */
    SUBMODULE,
    /** A folder directly under a root that holds no repository within the scan depth. */
    NOT_A_REPOSITORY,
    /** A repository that could not be opened: permission denied, broken {@code .git}, missing objects. */
    UNREADABLE
}
