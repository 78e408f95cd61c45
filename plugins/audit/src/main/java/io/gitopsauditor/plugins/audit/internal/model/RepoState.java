package io.gitopsauditor.plugins.audit.internal.model;

/**
 * One word for a repository's condition, for counts and filters. When several apply, the first
 * in this list wins.
 */
public enum RepoState {
    /** The folder could not be read as a repository, or is not one. */
    BROKEN,
    /** On GitHub but not cloned here. */
    MISSING,
    /** Work exists only on this disk (unpushed, uncommitted, stashed, no remote). */
    AT_RISK,
    /** Differs from GitHub without risking work: behind, remote elsewhere, archived, default branch. */
    DRIFTED,
    /** Cloned here and not on the configured GitHub accounts (its remote is elsewhere). */
    LOCAL_ONLY,
    /** The GitHub side could not be checked; the local side is clean. */
    UNKNOWN,
    /** Nothing to report. */
    CLEAN
}
