package io.gitopsauditor.plugins.audit.internal.model;

/** Every kind of finding, with its severity. The user guide (docs/audit.md) explains each one. */
public enum FindingType {
    UNCOMMITTED_CHANGES(Severity.MEDIUM),
    NO_COMMITS(Severity.LOW),
    DETACHED_HEAD(Severity.MEDIUM),
    UNPUSHED_COMMITS(Severity.HIGH),
    BEHIND_UPSTREAM(Severity.LOW),
    UPSTREAM_BRANCH_GONE(Severity.MEDIUM),
    UNPUSHED_BRANCH(Severity.HIGH),
    STASHES(Severity.MEDIUM),
    NO_REMOTE(Severity.HIGH),
    REMOTE_MISMATCH(Severity.MEDIUM),
    MISSING(Severity.LOW),
    LOCAL_ONLY(Severity.LOW),
    ARCHIVED_UPSTREAM(Severity.LOW),
    DELETED_UPSTREAM(Severity.HIGH),
    DEFAULT_BRANCH_DIFFERS(Severity.LOW),
    STALE(Severity.INFO),
    NOT_A_REPOSITORY(Severity.LOW),
    UNREADABLE(Severity.HIGH),
    HOSTED_UNKNOWN(Severity.INFO);

    private final Severity severity;

    FindingType(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
