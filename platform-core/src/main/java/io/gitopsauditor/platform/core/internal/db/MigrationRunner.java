package io.gitopsauditor.platform.core.internal.db;

import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Applies each owner's pending migrations in version order, each in its own transaction together
 * with its record in {@code platform_migrations}, so a failed migration leaves nothing behind
 * and is retried on the next start.
 */
public final class MigrationRunner {
    static final Table<Record> HISTORY = DSL.table(DSL.name("platform_migrations"));
    static final Field<String> OWNER = DSL.field(DSL.name("owner"), SQLDataType.VARCHAR(64).notNull());
    static final Field<Integer> VERSION = DSL.field(DSL.name("version"), SQLDataType.INTEGER.notNull());
    static final Field<String> DESCRIPTION = DSL.field(DSL.name("description"), SQLDataType.VARCHAR(200).notNull());
    static final Field<String> CHECKSUM = DSL.field(DSL.name("checksum"), SQLDataType.VARCHAR(64).notNull());
    static final Field<String> APPLIED_AT = DSL.field(DSL.name("applied_at"), SQLDataType.VARCHAR(40).notNull());

    private final DSLContext dsl;

    public MigrationRunner(DSLContext dsl) {
        this.dsl = dsl;
        dsl.createTableIfNotExists(HISTORY)
                .columns(OWNER, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT)
                .primaryKey(OWNER, VERSION)
                .execute();
    }

    /**
     * Applies what is pending for one owner.
     *
     * @param owner       the plugin id, or {@code platform}
     * @param tablePrefix the prefix every object the migrations create must carry
     * @param migrations  all of the owner's migrations, applied or not
     * @return how many were applied now
     * @throws DatabaseException naming the owner and version when one fails, or was changed after it was applied
     */
    public int apply(String owner, String tablePrefix, List<Migration> migrations) {
        Map<Integer, String> applied = new HashMap<>();
        dsl.select(VERSION, CHECKSUM).from(HISTORY).where(OWNER.eq(owner))
                .forEach(r -> applied.put(r.get(VERSION), r.get(CHECKSUM)));
        int count = 0;
        for (Migration migration : migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList()) {
            String checksum = applied.get(migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    throw new DatabaseException(owner + ": migration V" + migration.version()
                            + " was changed after it was applied; add a new migration instead of editing an applied one");
                }
                continue;
            }
            checkNames(owner, tablePrefix, migration);
            applyOne(owner, migration);
            count++;
        }
        return count;
    }

    /** True before anything was ever migrated: a new, empty database. */
    public boolean isEmpty() {
        return dsl.fetchCount(HISTORY) == 0;
    }

    /** How many of an owner's migrations are not applied yet. */
    public int pending(String owner, List<Migration> migrations) {
        List<Integer> applied = appliedVersions(owner);
        return (int) migrations.stream().filter(m -> !applied.contains(m.version())).count();
    }

    /**
     * The highest applied version of an owner that none of these migrations has: the database
     * was migrated by a newer version of that owner.
     */
    public java.util.Optional<Integer> newestUnknown(String owner, List<Migration> migrations) {
        java.util.Set<Integer> known = new java.util.HashSet<>();
        migrations.forEach(m -> known.add(m.version()));
        return appliedVersions(owner).stream().filter(v -> !known.contains(v)).max(Integer::compare);
    }

    /** Versions applied so far for an owner. */
    public List<Integer> appliedVersions(String owner) {
        return dsl.select(VERSION).from(HISTORY).where(OWNER.eq(owner)).orderBy(VERSION).fetch(VERSION);
    }

    private void applyOne(String owner, Migration migration) {
        try {
            dsl.transaction(tx -> {
                DSLContext ctx = tx.dsl();
                for (String statement : SqlScript.statements(migration.sql())) {
                    ctx.connection(connection -> {
                        try (Statement jdbc = connection.createStatement()) {
                            jdbc.execute(statement);
                        }
                    });
                }
                ctx.insertInto(HISTORY, OWNER, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT)
                        .values(owner, migration.version(), migration.description(), migration.checksum(),
                                Instant.now().toString())
                        .execute();
            });
        } catch (RuntimeException e) {
            throw new DatabaseException(owner + ": migration V" + migration.version() + " (" + migration.description()
                    + ") failed and was rolled back: " + Database.rootMessage(e), e);
        }
    }

    private static void checkNames(String owner, String tablePrefix, Migration migration) {
        for (String statement : SqlScript.statements(migration.sql())) {
            for (String name : SqlScript.objectNames(statement)) {
                if (!name.toLowerCase(Locale.ROOT).startsWith(tablePrefix)) {
                    throw new DatabaseException(owner + ": migration V" + migration.version() + " touches '" + name
                            + "'; a plugin's tables, indexes, views and triggers must be named " + tablePrefix + "*");
                }
            }
        }
    }
}
