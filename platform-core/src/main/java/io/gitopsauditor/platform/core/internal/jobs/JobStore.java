package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.jobs.Job;
import io.gitopsauditor.plugin.api.jobs.JobProgress;
import io.gitopsauditor.plugin.api.jobs.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The table {@code platform_jobs}: one row per job, written when it starts, now and then while it runs, and when it ends. */
final class JobStore {
    static final Table<Record> JOBS = DSL.table(DSL.name("platform_jobs"));
    static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT.identity(true));
    static final Field<String> PLUGIN = DSL.field(DSL.name("plugin"), SQLDataType.VARCHAR);
    static final Field<String> KIND = DSL.field(DSL.name("kind"), SQLDataType.VARCHAR);
    static final Field<String> KEY = DSL.field(DSL.name("job_key"), SQLDataType.VARCHAR);
    static final Field<String> SUBJECT = DSL.field(DSL.name("subject"), SQLDataType.VARCHAR);
    static final Field<String> STATE = DSL.field(DSL.name("state"), SQLDataType.VARCHAR);
    static final Field<Long> DONE = DSL.field(DSL.name("done"), SQLDataType.BIGINT);
    static final Field<Long> TOTAL = DSL.field(DSL.name("total"), SQLDataType.BIGINT);
    static final Field<String> MESSAGE = DSL.field(DSL.name("message"), SQLDataType.VARCHAR);
    static final Field<String> STARTED_AT = DSL.field(DSL.name("started_at"), SQLDataType.VARCHAR);
    static final Field<String> FINISHED_AT = DSL.field(DSL.name("finished_at"), SQLDataType.VARCHAR);
    static final Field<String> OUTCOME = DSL.field(DSL.name("outcome"), SQLDataType.VARCHAR);
    static final Field<String> LINK = DSL.field(DSL.name("link"), SQLDataType.VARCHAR);
    static final Field<String> STARTED_BY = DSL.field(DSL.name("started_by"), SQLDataType.VARCHAR);

    /** Selected by name, so that jOOQ reads each with its type (a plain select() would hand back SQLite's Integers). */
    private static final List<Field<?>> COLUMNS = List.of(ID, PLUGIN, KIND, KEY, SUBJECT, STATE, DONE, TOTAL, MESSAGE, STARTED_AT,
            FINISHED_AT, OUTCOME, LINK, STARTED_BY);
    private static final List<String> UNFINISHED = List.of(JobState.QUEUED.wireName(), JobState.RUNNING.wireName());

    private final Supplier<DSLContext> database;

    JobStore(Supplier<DSLContext> database) {
        this.database = database;
    }

    /** Inserts a queued job; returns its id. */
    String insert(String plugin, String kind, String key, String subject, Instant startedAt, String startedBy) {
        Long id = database.get().insertInto(JOBS, PLUGIN, KIND, KEY, SUBJECT, STATE, DONE, MESSAGE, STARTED_AT, STARTED_BY)
                .values(plugin, kind, key, subject, JobState.QUEUED.wireName(), 0L, "", startedAt.toString(), startedBy)
                .returning(ID).fetchOne(ID);
        return String.valueOf(id);
    }

    void state(String id, JobState state) {
        database.get().update(JOBS).set(STATE, state.wireName()).where(ID.eq(Long.valueOf(id))).execute();
    }

    void progress(String id, JobProgress progress) {
        database.get().update(JOBS).set(DONE, progress.done())
                .set(TOTAL, progress.total().isPresent() ? progress.total().getAsLong() : null)
                .set(MESSAGE, progress.message())
                .where(ID.eq(Long.valueOf(id))).execute();
    }

    void finish(Job job) {
        database.get().update(JOBS).set(STATE, job.state().wireName())
                .set(DONE, job.progress().done())
                .set(TOTAL, job.progress().total().isPresent() ? job.progress().total().getAsLong() : null)
                .set(MESSAGE, job.progress().message())
                .set(FINISHED_AT, job.finishedAt().map(Instant::toString).orElse(null))
                .set(OUTCOME, job.outcome().orElse(null))
                .set(LINK, job.link().orElse(null))
                .where(ID.eq(Long.valueOf(job.id()))).execute();
    }

    /**
     * Marks every job still queued or running as interrupted: at start-up, no job of this process
     * has started yet, so those rows belong to a process that died under them.
     *
     * @return the jobs so marked, oldest first, as they now are
     */
    List<Job> interruptUnfinished(Instant at, String outcome) {
        return database.get().transactionResult(tx -> {
            DSLContext db = tx.dsl();
            List<Long> ids = db.select(ID).from(JOBS).where(STATE.in(UNFINISHED)).orderBy(ID).fetch(ID);
            if (ids.isEmpty()) {
                return List.of();
            }
            db.update(JOBS).set(STATE, JobState.INTERRUPTED.wireName()).set(FINISHED_AT, at.toString()).set(OUTCOME, outcome)
                    .where(ID.in(ids)).execute();
            return db.select(COLUMNS).from(JOBS).where(ID.in(ids)).orderBy(ID).fetch(JobStore::job);
        });
    }

    Optional<Job> find(String id) {
        Long key;
        try {
            key = Long.valueOf(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return database.get().select(COLUMNS).from(JOBS).where(ID.eq(key)).fetchOptional(JobStore::job);
    }

    /** Finished jobs matching the filter, newest first. */
    List<Job> finished(JobFilter filter, int offset, int limit) {
        return database.get().select(COLUMNS).from(JOBS).where(finishedMatching(filter))
                .orderBy(ID.desc()).limit(limit).offset(offset).fetch(JobStore::job);
    }

    int countFinished(JobFilter filter) {
        return database.get().fetchCount(JOBS, finishedMatching(filter));
    }

    private static Condition finishedMatching(JobFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(STATE.notIn(UNFINISHED));
        filter.plugin().ifPresent(p -> conditions.add(PLUGIN.eq(p)));
        filter.kind().ifPresent(k -> conditions.add(KIND.eq(k)));
        return DSL.and(conditions);
    }

    /**
     * Deletes finished jobs older than {@code before}, and beyond the newest {@code keep}.
     *
     * @return how many were deleted
     */
    int prune(Instant before, int keep) {
        DSLContext db = database.get();
        int old = db.deleteFrom(JOBS).where(STATE.notIn(UNFINISHED)).and(FINISHED_AT.lt(before.toString())).execute();
        Long newestDropped = db.select(ID).from(JOBS).where(STATE.notIn(UNFINISHED)).orderBy(ID.desc())
                .limit(1).offset(keep).fetchOne(ID);
        int extra = newestDropped == null ? 0
                : db.deleteFrom(JOBS).where(STATE.notIn(UNFINISHED)).and(ID.le(newestDropped)).execute();
        return old + extra;
    }

    private static Job job(Record r) {
        Long total = r.get(TOTAL);
        String finishedAt = r.get(FINISHED_AT);
        return new Job(String.valueOf(r.get(ID)), r.get(PLUGIN), r.get(KIND), Optional.ofNullable(r.get(KEY)), r.get(SUBJECT),
                JobState.valueOf(r.get(STATE).toUpperCase(java.util.Locale.ROOT)),
                new JobProgress(r.get(DONE), total == null ? OptionalLong.empty() : OptionalLong.of(total), r.get(MESSAGE)),
                Instant.parse(r.get(STARTED_AT)), Optional.ofNullable(finishedAt).map(Instant::parse),
                Optional.ofNullable(r.get(OUTCOME)), Optional.ofNullable(r.get(LINK)), Optional.ofNullable(r.get(STARTED_BY)));
    }
}
