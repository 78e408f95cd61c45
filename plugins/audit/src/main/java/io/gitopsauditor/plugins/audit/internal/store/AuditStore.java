package io.gitopsauditor.plugins.audit.internal.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugins.audit.internal.inventory.InventoryMatcher;
import io.gitopsauditor.plugins.audit.internal.inventory.Subject;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import io.gitopsauditor.plugin.api.inventory.InventorySnapshot;
import io.gitopsauditor.plugin.api.list.Page;
import io.gitopsauditor.plugin.api.list.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The audit's tables through jOOQ's plain DSL: runs, each run's reports (history), the live
 * current state, the last inventory and the fix log. Reports are stored as JSON: they are read
 * whole, and filtering 1,000s of them in memory is faster than it needs to be.
 */
public final class AuditStore {
    private static final Table<Record> RUNS = DSL.table(DSL.name("audit_runs"));
    private static final Table<Record> REPORTS = DSL.table(DSL.name("audit_reports"));
    private static final Table<Record> CURRENT = DSL.table(DSL.name("audit_current"));
    private static final Table<Record> INVENTORY = DSL.table(DSL.name("audit_inventory"));
    private static final Table<Record> FIXES = DSL.table(DSL.name("audit_fixes"));

    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> TRIGGER = DSL.field(DSL.name("trigger_name"), SQLDataType.VARCHAR);
    private static final Field<String> MODE = DSL.field(DSL.name("mode"), SQLDataType.VARCHAR);
    private static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.VARCHAR);
    private static final Field<String> STARTED_AT = DSL.field(DSL.name("started_at"), SQLDataType.VARCHAR);
    private static final Field<String> FINISHED_AT = DSL.field(DSL.name("finished_at"), SQLDataType.VARCHAR);
    private static final Field<String> SUMMARY = DSL.field(DSL.name("summary_json"), SQLDataType.VARCHAR);
    private static final Field<String> ERROR = DSL.field(DSL.name("error"), SQLDataType.VARCHAR);

    private static final Field<Long> RUN_ID = DSL.field(DSL.name("run_id"), SQLDataType.BIGINT);
    private static final Field<String> REPO_ID = DSL.field(DSL.name("repo_id"), SQLDataType.VARCHAR);
    private static final Field<String> REPO_KEY = DSL.field(DSL.name("repo_key"), SQLDataType.VARCHAR);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<String> STATE = DSL.field(DSL.name("state"), SQLDataType.VARCHAR);
    private static final Field<String> SEVERITY = DSL.field(DSL.name("severity"), SQLDataType.VARCHAR);
    private static final Field<String> RISK = DSL.field(DSL.name("risk"), SQLDataType.VARCHAR);
    private static final Field<String> REPORT = DSL.field(DSL.name("report_json"), SQLDataType.VARCHAR);
    private static final Field<String> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.VARCHAR);

    private static final Field<String> TAKEN_AT = DSL.field(DSL.name("taken_at"), SQLDataType.VARCHAR);
    private static final Field<String> SUBJECTS = DSL.field(DSL.name("subjects_json"), SQLDataType.VARCHAR);
    private static final Field<String> SOURCES = DSL.field(DSL.name("sources_json"), SQLDataType.VARCHAR);

    private static final Field<String> AT = DSL.field(DSL.name("at"), SQLDataType.VARCHAR);
    private static final Field<String> FIX = DSL.field(DSL.name("fix"), SQLDataType.VARCHAR);
    private static final Field<Integer> DRY_RUN = DSL.field(DSL.name("dry_run"), SQLDataType.INTEGER);
    private static final Field<String> COMMANDS = DSL.field(DSL.name("commands"), SQLDataType.VARCHAR);
    private static final Field<String> OUTCOME = DSL.field(DSL.name("outcome"), SQLDataType.VARCHAR);
    private static final Field<String> MESSAGE = DSL.field(DSL.name("message"), SQLDataType.VARCHAR);

    /** Sort fields of {@code GET /api/audit/runs}, by the run's JSON names. */
    public static final Map<String, Field<?>> RUN_SORTS = Map.of("id", ID, "startedAt", STARTED_AT, "status", STATUS);
    /** Sort fields of {@code GET /api/audit/repositories/{id}/history}. */
    public static final Map<String, Field<?>> HISTORY_SORTS = Map.of("runId", RUN_ID, "startedAt", STARTED_AT);
    /** Sort fields of {@code GET /api/audit/fixes}. */
    public static final Map<String, Field<?>> FIX_SORTS = Map.of("id", ID, "at", AT, "fix", FIX, "outcome", OUTCOME);

    private final Supplier<DSLContext> database;

    public AuditStore(Supplier<DSLContext> database) {
        this.database = database;
    }

    /** Records a run that just started; returns its id. */
    public long runStarted(String trigger, String mode, Instant startedAt) {
        return database.get().insertInto(RUNS, TRIGGER, MODE, STATUS, STARTED_AT)
                .values(trigger, mode, "running", startedAt.toString())
                .returning(ID).fetchOne(ID);
    }

    /** Stores a finished run with its reports, and makes them the current state, in one transaction. */
    public void runFinished(RunSummary summary, List<RepositoryReport> reports, InventoryMatcher.Matched inventory) {
        database.get().transaction(tx -> {
            DSLContext db = tx.dsl();
            db.update(RUNS).set(STATUS, summary.status()).set(FINISHED_AT, summary.finishedAt().toString())
                    .set(SUMMARY, AuditJson.write(summary)).where(ID.eq(summary.id())).execute();
            for (List<RepositoryReport> chunk : chunks(reports)) {
                var insert = db.insertInto(REPORTS, RUN_ID, REPO_ID, REPO_KEY, NAME, STATE, SEVERITY, RISK, REPORT);
                for (RepositoryReport report : chunk) {
                    insert = insert.values(summary.id(), report.id(), report.key(), report.name(), report.state().name(),
                            report.severity() == null ? null : report.severity().name(), report.risk().level().name(),
                            AuditJson.write(report));
                }
                insert.execute();
            }
            replaceCurrent(db, reports, summary.finishedAt());
            db.deleteFrom(INVENTORY).execute();
            db.insertInto(INVENTORY, DSL.field(DSL.name("id"), SQLDataType.INTEGER), TAKEN_AT, SUBJECTS, SOURCES)
                    .values(1, inventory.snapshot().takenAt().toString(), AuditJson.write(inventory.subjects()),
                            AuditJson.write(inventory.snapshot().sources()))
                    .execute();
        });
    }

    /** Marks a run failed, with the reason. */
    /** Records a run that ended without a result: {@code failed}, or {@code cancelled} by someone. */
    public void runEnded(long id, String status, Instant at, String error) {
        database.get().update(RUNS).set(STATUS, status).set(FINISHED_AT, at.toString()).set(ERROR, error)
                .where(ID.eq(id)).execute();
    }

    /** Runs interrupted by a stop or crash are failed on the next start, so none stays "running" forever. */
    public int failInterruptedRuns(Instant at) {
        return database.get().update(RUNS).set(STATUS, "failed").set(FINISHED_AT, at.toString())
                .set(ERROR, "the server stopped during the run").where(STATUS.eq("running")).execute();
    }

    /** Updates the live state of some repositories (a watched clone changed). */
    public void updateCurrent(List<RepositoryReport> changed, Instant at) {
        database.get().transaction(tx -> {
            for (RepositoryReport report : changed) {
                tx.dsl().insertInto(CURRENT, REPO_ID, REPO_KEY, UPDATED_AT, REPORT)
                        .values(report.id(), report.key(), at.toString(), AuditJson.write(report))
                        .onConflict(REPO_ID).doUpdate().set(UPDATED_AT, at.toString()).set(REPORT, AuditJson.write(report))
                        .execute();
            }
        });
    }

    private static void replaceCurrent(DSLContext db, List<RepositoryReport> reports, Instant at) {
        db.deleteFrom(CURRENT).execute();
        for (List<RepositoryReport> chunk : chunks(reports)) {
            var insert = db.insertInto(CURRENT, REPO_ID, REPO_KEY, UPDATED_AT, REPORT);
            for (RepositoryReport report : chunk) {
                insert = insert.values(report.id(), report.key(), at.toString(), AuditJson.write(report));
            }
            insert.execute();
        }
    }

    /** SQLite allows 32,766 parameters per statement: insert in slices well under that. */
    private static List<List<RepositoryReport>> chunks(List<RepositoryReport> reports) {
        List<List<RepositoryReport>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < reports.size(); from += 500) {
            chunks.add(reports.subList(from, Math.min(reports.size(), from + 500)));
        }
        return chunks;
    }

    public List<RepositoryReport> current() {
        return database.get().select(REPORT).from(CURRENT).orderBy(REPO_KEY)
                .fetch(r -> AuditJson.read(r.get(REPORT), RepositoryReport.class));
    }

    /** The inventory of the last full run, if any. */
    public Optional<InventoryMatcher.Matched> inventory() {
        return database.get().select(TAKEN_AT, SUBJECTS, SOURCES).from(INVENTORY).fetchOptional().map(r -> {
            List<Subject> subjects = AuditJson.read(r.get(SUBJECTS), new TypeReference<List<Subject>>() { });
            List<SourceStatus> sources = AuditJson.read(r.get(SOURCES), new TypeReference<List<SourceStatus>>() { });
            InventorySnapshot snapshot = new InventorySnapshot(Instant.parse(r.get(TAKEN_AT)),
                    subjects.stream().map(Subject::entry).toList(), sources);
            return new InventoryMatcher.Matched(snapshot, subjects);
        });
    }

    /** Runs, newest first. */
    public List<RunSummary> runs(int offset, int limit) {
        return database.get().select(ID, TRIGGER, MODE, STATUS, STARTED_AT, FINISHED_AT, SUMMARY, ERROR).from(RUNS)
                .orderBy(ID.desc()).limit(limit).offset(offset).fetch(AuditStore::toSummary);
    }

    /** A page of runs, in the order asked for ({@link #RUN_SORTS}); paged in SQL. */
    public Page<RunSummary> runs(PageRequest page) {
        DSLContext db = database.get();
        List<RunSummary> items = db.select(ID, TRIGGER, MODE, STATUS, STARTED_AT, FINISHED_AT, SUMMARY, ERROR).from(RUNS)
                .orderBy(tieBroken(page.orderBy(RUN_SORTS), ID)).limit(page.limit()).offset(page.offset())
                .fetch(AuditStore::toSummary);
        return page.of(items, db.fetchCount(RUNS));
    }

    public Optional<RunSummary> run(long id) {
        return database.get().select(ID, TRIGGER, MODE, STATUS, STARTED_AT, FINISHED_AT, SUMMARY, ERROR).from(RUNS)
                .where(ID.eq(id)).fetchOptional(AuditStore::toSummary);
    }

    /** The newest finished run before {@code runId}, if any. */
    public Optional<Long> previousFinishedRun(long runId) {
        return database.get().select(ID).from(RUNS).where(ID.lt(runId)).and(STATUS.eq("finished")).orderBy(ID.desc()).limit(1)
                .fetchOptional(ID);
    }

    public List<RepositoryReport> reports(long runId) {
        return database.get().select(REPORT).from(REPORTS).where(RUN_ID.eq(runId)).orderBy(REPO_KEY)
                .fetch(r -> AuditJson.read(r.get(REPORT), RepositoryReport.class));
    }

    /** One repository across the runs, a page in the order asked for ({@link #HISTORY_SORTS}); paged in SQL. */
    public Page<HistoryEntry> history(String repoId, PageRequest page) {
        DSLContext db = database.get();
        List<HistoryEntry> items = db.select(RUN_ID, STARTED_AT, STATE, SEVERITY, RISK, REPORT).from(REPORTS)
                .join(RUNS).on(ID.eq(RUN_ID)).where(REPO_ID.eq(repoId))
                .orderBy(tieBroken(page.orderBy(HISTORY_SORTS), RUN_ID)).limit(page.limit()).offset(page.offset())
                .fetch(r -> {
                    RepositoryReport report = AuditJson.read(r.get(REPORT), RepositoryReport.class);
                    return new HistoryEntry(r.get(RUN_ID), Instant.parse(r.get(STARTED_AT)), report.state().name(),
                            r.get(SEVERITY), r.get(RISK), report.findings().size(),
                            report.findings().stream().map(f -> f.type().name()).toList());
                });
        return page.of(items, db.fetchCount(REPORTS, REPO_ID.eq(repoId)));
    }

    /**
     * One repository in one run.
     *
     * @param runId     the run
     * @param startedAt when the run started
     * @param state     the repository's state then
     * @param severity  its worst severity then, or {@code null}
     * @param risk      its risk level then
     * @param findings  how many findings it had
     * @param types     the finding types
     */
    public record HistoryEntry(long runId, Instant startedAt, String state, String severity, String risk, int findings,
                               List<String> types) {
    }

    /** Deletes the oldest runs (and their reports) beyond {@code keep}. */
    public int prune(int keep) {
        DSLContext db = database.get();
        Long oldestKept = db.select(ID).from(RUNS).orderBy(ID.desc()).limit(1).offset(keep - 1).fetchOne(ID);
        if (oldestKept == null) {
            return 0;
        }
        return db.transactionResult(tx -> {
            tx.dsl().deleteFrom(REPORTS).where(RUN_ID.lt(oldestKept)).execute();
            return tx.dsl().deleteFrom(RUNS).where(ID.lt(oldestKept)).execute();
        });
    }

    public FixRecord recordFix(FixRecord fix) {
        Long id = database.get().insertInto(FIXES, AT, REPO_ID, REPO_KEY, FIX, DRY_RUN, COMMANDS, OUTCOME, MESSAGE)
                .values(fix.at().toString(), fix.repoId(), fix.repoKey(), fix.fix(), fix.dryRun() ? 1 : 0,
                        AuditJson.write(fix.commands()), fix.outcome(), fix.message())
                .returning(ID).fetchOne(ID);
        return new FixRecord(id, fix.at(), fix.repoId(), fix.repoKey(), fix.fix(), fix.dryRun(), fix.commands(), fix.outcome(),
                fix.message());
    }

    /** Fixes, a page in the order asked for ({@link #FIX_SORTS}); for one repository when {@code repoId} is given; paged in SQL. */
    public Page<FixRecord> fixes(String repoId, PageRequest page) {
        DSLContext db = database.get();
        Condition which = repoId == null ? DSL.noCondition() : REPO_ID.eq(repoId);
        List<FixRecord> items = db.select(ID, AT, REPO_ID, REPO_KEY, FIX, DRY_RUN, COMMANDS, OUTCOME, MESSAGE).from(FIXES)
                .where(which).orderBy(tieBroken(page.orderBy(FIX_SORTS), ID)).limit(page.limit()).offset(page.offset())
                .fetch(r -> new FixRecord(r.get(ID), Instant.parse(r.get(AT)),
                        r.get(REPO_ID), r.get(REPO_KEY), r.get(FIX), r.get(DRY_RUN) == 1,
                        AuditJson.read(r.get(COMMANDS), new TypeReference<List<String>>() { }), r.get(OUTCOME), r.get(MESSAGE)));
        return page.of(items, db.fetchCount(FIXES, which));
    }

    /** The requested order, then the row id, newest first: equal keys must not swap rows between pages. */
    private static List<SortField<?>> tieBroken(List<SortField<?>> order, Field<Long> id) {
        List<SortField<?>> all = new java.util.ArrayList<>(order);
        all.add(id.desc());
        return all;
    }

    private static RunSummary toSummary(Record r) {
        if (r.get(SUMMARY) != null) {
            return AuditJson.read(r.get(SUMMARY), RunSummary.class);
        }
        return new RunSummary(r.get(ID), r.get(TRIGGER), r.get(MODE), r.get(STATUS), Instant.parse(r.get(STARTED_AT)),
                r.get(FINISHED_AT) == null ? null : Instant.parse(r.get(FINISHED_AT)), 0, "unknown",
                java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), 0, List.of(), r.get(ERROR));
    }
}
