package io.gitopsauditor.plugins.audit.internal.model;

/** How much work would be lost if this disk died now, in increasing order. */
public enum RiskLevel {
    /** Everything here is also somewhere else. */
    NONE,
    /** Only uncommitted edits, stashes or a detached HEAD: recent, small work. */
    MEDIUM,
    /** Commits that exist only here: unpushed commits or branches, a repository with no remote or whose upstream is gone. */
    HIGH
}
