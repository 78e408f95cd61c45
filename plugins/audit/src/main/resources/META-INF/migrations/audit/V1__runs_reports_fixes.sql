-- One row per audit run; summary_json is the RunSummary once it finished.
CREATE TABLE audit_runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    trigger_name TEXT    NOT NULL,
    mode         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT,
    summary_json TEXT,
    error        TEXT
);

-- What a run said about each repository: the history and the run-to-run comparison read this.
CREATE TABLE audit_reports (
    run_id      INTEGER NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
    repo_id     TEXT    NOT NULL,
    repo_key    TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    severity    TEXT,
    risk        TEXT    NOT NULL,
    report_json TEXT    NOT NULL,
    PRIMARY KEY (run_id, repo_id)
);
CREATE INDEX audit_reports_by_repo ON audit_reports (repo_id, run_id);

-- The live state: the last run's reports, updated in place when a watched clone changes.
CREATE TABLE audit_current (
    repo_id     TEXT PRIMARY KEY,
    repo_key    TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    report_json TEXT NOT NULL
);

-- The matched inventory of the last full run, so a restart can re-audit changed clones at once.
CREATE TABLE audit_inventory (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    taken_at      TEXT NOT NULL,
    subjects_json TEXT NOT NULL,
    sources_json  TEXT NOT NULL
);

-- Every fix previewed for real or run: what, where, the exact commands, and how it went.
CREATE TABLE audit_fixes (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT    NOT NULL,
    repo_id   TEXT    NOT NULL,
    repo_key  TEXT    NOT NULL,
    fix       TEXT    NOT NULL,
    dry_run   INTEGER NOT NULL,
    commands  TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,
    message   TEXT
);
