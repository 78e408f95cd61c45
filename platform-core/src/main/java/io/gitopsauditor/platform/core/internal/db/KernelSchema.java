package io.gitopsauditor.platform.core.internal.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The kernel's own tables, migrated like a plugin's under the owner {@code platform}, and the
 * record of which version last wrote the database, so that an older version refuses a database
 * a newer one has already migrated instead of running on a schema it does not know.
 */
public final class KernelSchema {
    public static final String OWNER = "platform";
    public static final String TABLE_PREFIX = "platform_";

    static final Table<Record> META = DSL.table(DSL.name("platform_meta"));
    static final Field<String> KEY = DSL.field(DSL.name("key"), SQLDataType.VARCHAR(64));
    static final Field<String> VALUE = DSL.field(DSL.name("value"), SQLDataType.VARCHAR(200));
    static final String WRITTEN_BY = "written-by-version";
    static final String WRITTEN_AT = "written-at";

    /** In order; append only, never edit one that shipped. */
    public static final List<Migration> MIGRATIONS = List.of(
            Migration.of(1, "platform metadata",
                    "CREATE TABLE platform_meta (key VARCHAR(64) PRIMARY KEY, value VARCHAR(200) NOT NULL)"),
            Migration.of(2, "users sessions tokens security events", """
                    CREATE TABLE platform_users (
                        id            INTEGER PRIMARY KEY AUTOINCREMENT,
                        username      VARCHAR(64)  NOT NULL UNIQUE,
                        password_hash VARCHAR(200) NOT NULL,
                        created_at    VARCHAR(40)  NOT NULL,
                        updated_at    VARCHAR(40)  NOT NULL
                    );
                    CREATE TABLE platform_sessions (
                        id_hash      VARCHAR(64) PRIMARY KEY,
                        user_id      INTEGER     NOT NULL REFERENCES platform_users (id) ON DELETE CASCADE,
                        csrf_token   VARCHAR(64) NOT NULL,
                        created_at   VARCHAR(40) NOT NULL,
                        expires_at   VARCHAR(40) NOT NULL
                    );
                    CREATE TABLE platform_tokens (
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        name         VARCHAR(64)  NOT NULL,
                        token_hash   VARCHAR(64)  NOT NULL UNIQUE,
                        scope        VARCHAR(10)  NOT NULL,
                        created_at   VARCHAR(40)  NOT NULL,
                        created_by   VARCHAR(64)  NOT NULL,
                        last_used_at VARCHAR(40),
                        revoked_at   VARCHAR(40)
                    );
                    CREATE TABLE platform_security_events (
                        id       INTEGER PRIMARY KEY AUTOINCREMENT,
                        time     VARCHAR(40)  NOT NULL,
                        type     VARCHAR(40)  NOT NULL,
                        actor    VARCHAR(64),
                        client   VARCHAR(64),
                        detail   VARCHAR(300)
                    );
                    CREATE INDEX platform_security_events_time ON platform_security_events (time)
                    """),
            Migration.of(3, "settings set in the dashboard and encrypted secrets", """
                    CREATE TABLE platform_settings (
                        owner      VARCHAR(64)  NOT NULL,
                        key        VARCHAR(200) NOT NULL,
                        value      TEXT         NOT NULL,
                        updated_at VARCHAR(40)  NOT NULL,
                        updated_by VARCHAR(64),
                        PRIMARY KEY (owner, key)
                    );
                    CREATE TABLE platform_secrets (
                        name       VARCHAR(200) PRIMARY KEY,
                        owner      VARCHAR(64)  NOT NULL,
                        key_id     VARCHAR(16)  NOT NULL,
                        nonce      BLOB         NOT NULL,
                        ciphertext BLOB         NOT NULL,
                        updated_at VARCHAR(40)  NOT NULL,
                        updated_by VARCHAR(64)
                    )
                    """));

    private KernelSchema() {
    }

    /** The highest kernel migration this build knows. */
    public static int knownVersion() {
        return MIGRATIONS.stream().mapToInt(Migration::version).max().orElse(0);
    }

    /** Which version last wrote this database, if any did. */
    public static Optional<String> writtenBy(DSLContext dsl) {
        if (!dsl.meta().getTables(META.getName()).isEmpty()) {
            return Optional.ofNullable(dsl.select(VALUE).from(META).where(KEY.eq(WRITTEN_BY)).fetchOne(VALUE));
        }
        return Optional.empty();
    }

    /** Records this version as the last to write the database. */
    public static void stamp(DSLContext dsl, String version) {
        for (var entry : List.of(List.of(WRITTEN_BY, version), List.of(WRITTEN_AT, Instant.now().toString()))) {
            dsl.insertInto(META, KEY, VALUE).values(entry.get(0), entry.get(1))
                    .onConflict(KEY).doUpdate().set(VALUE, entry.get(1))
                    .execute();
        }
    }
}
