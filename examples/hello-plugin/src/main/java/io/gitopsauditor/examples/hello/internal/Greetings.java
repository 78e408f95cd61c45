package io.gitopsauditor.examples.hello.internal;

import io.gitopsauditor.plugin.api.PluginContext;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code hello_greetings} table, through jOOQ's plain DSL (no generated code needed). */
final class Greetings {
    private static final Table<Record> TABLE = DSL.table(DSL.name("hello_greetings"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<String> MESSAGE = DSL.field(DSL.name("message"), SQLDataType.VARCHAR);
    private static final Field<String> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.VARCHAR);

    private final PluginContext context;

    Greetings(PluginContext context) {
        this.context = context;
    }

    Greeting add(String name) {
        Instant now = Instant.now();
        String message = "Hello, " + name + "!";
        DSLContext db = context.database();
        Long id = db.insertInto(TABLE, NAME, MESSAGE, CREATED_AT)
                .values(name, message, now.toString())
                .returning(ID)
                .fetchOne(ID);
        return new Greeting(id, name, message, now);
    }

    List<Greeting> latest(int limit) {
        return context.database().select(ID, NAME, MESSAGE, CREATED_AT).from(TABLE).orderBy(ID.desc()).limit(limit)
                .fetch(r -> new Greeting(r.get(ID), r.get(NAME), r.get(MESSAGE), Instant.parse(r.get(CREATED_AT))));
    }
}
