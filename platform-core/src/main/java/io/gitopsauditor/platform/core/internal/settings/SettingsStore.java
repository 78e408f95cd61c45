package io.gitopsauditor.platform.core.internal.settings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Values set in the dashboard, as JSON text per owner and key, in {@code platform_settings}. Never a secret. */
final class SettingsStore {
    private static final Table<Record> SETTINGS = DSL.table(DSL.name("platform_settings"));
    private static final Field<String> OWNER = DSL.field(DSL.name("owner"), SQLDataType.VARCHAR);
    private static final Field<String> KEY = DSL.field(DSL.name("key"), SQLDataType.VARCHAR);
    private static final Field<String> VALUE = DSL.field(DSL.name("value"), SQLDataType.CLOB);
    private static final Field<String> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.VARCHAR);
    private static final Field<String> UPDATED_BY = DSL.field(DSL.name("updated_by"), SQLDataType.VARCHAR);

    /** @return key → JSON text of the owner's stored values */
    Map<String, String> all(DSLContext dsl, String owner) {
        Map<String, String> values = new LinkedHashMap<>();
        dsl.select(KEY, VALUE).from(SETTINGS).where(OWNER.eq(owner)).fetch().forEach(r -> values.put(r.get(KEY), r.get(VALUE)));
        return values;
    }

    void put(DSLContext dsl, String owner, String key, String json, String actor) {
        String now = Instant.now().toString();
        dsl.insertInto(SETTINGS, OWNER, KEY, VALUE, UPDATED_AT, UPDATED_BY).values(owner, key, json, now, actor)
                .onConflict(OWNER, KEY).doUpdate().set(VALUE, json).set(UPDATED_AT, now).set(UPDATED_BY, actor)
                .execute();
    }

    void delete(DSLContext dsl, String owner, String key) {
        dsl.deleteFrom(SETTINGS).where(OWNER.eq(owner)).and(KEY.eq(key)).execute();
    }
}
