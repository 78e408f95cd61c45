-- One-time data jobs that Java code does once per database (e.g. taking credentials out of remote
-- URLs that versions before 0.2 stored): a row says the job is done, so a start never repeats it.
CREATE TABLE audit_maintenance (
    job     TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);
