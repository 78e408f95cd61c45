package io.gitopsauditor.plugins.audit.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitopsauditor.plugins.audit.internal.github.RemoteUrls;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Takes credentials out of remote URLs that versions before 0.2 stored as written in a clone's
 * config ({@code https://user:token@host/...}). Since then remotes are redacted before they enter
 * the audit (see {@code RemotesReader}); this rewrites the reports, the live state and the
 * inventory that were stored earlier. Once per database: the job is recorded in
 * {@code audit_maintenance}, so later starts read one row instead of every stored report.
 *
 * <p>Only the fields that hold a remote URL are touched (the {@code remotes} of a clone, and a
 * hosted repository's {@code cloneUrl}, {@code sshUrl}, {@code webUrl}); after a rewrite the file
 * is vacuumed and the WAL truncated, since SQLite otherwise keeps the old bytes in free pages.
 */
public final class StoredUrlRedaction {
    private static final Field<Long> ROW_ID = DSL.field(DSL.name("rowid"), SQLDataType.BIGINT);
    /** Each table holding reports or subjects as JSON, with its JSON column. */
    private static final Map<String, String> JSON_COLUMNS = Map.of(
            "audit_reports", "report_json",
            "audit_current", "report_json",
            "audit_inventory", "subjects_json");
    private static final Set<String> URL_FIELDS = Set.of("cloneUrl", "sshUrl", "webUrl");
    private static final Table<?> MAINTENANCE = DSL.table(DSL.name("audit_maintenance"));
    private static final Field<String> JOB = DSL.field(DSL.name("job"), SQLDataType.VARCHAR);
    private static final Field<String> DONE_AT = DSL.field(DSL.name("done_at"), SQLDataType.VARCHAR);
    /** This job's row in {@code audit_maintenance}. */
    static final String JOB_NAME = "redact-stored-remote-urls";

    private final Supplier<DSLContext> database;

    public StoredUrlRedaction(Supplier<DSLContext> database) {
        this.database = database;
    }

    /** @return how many rows were rewritten; 0 when nothing was stored in clear or the job ran before */
    public int run() {
        int rewritten = database.get().transactionResult(tx -> {
            if (tx.dsl().fetchExists(MAINTENANCE, JOB.eq(JOB_NAME))) {
                return 0;
            }
            int rows = 0;
            for (Map.Entry<String, String> table : JSON_COLUMNS.entrySet()) {
                rows += rewrite(tx.dsl(), DSL.table(DSL.name(table.getKey())),
                        DSL.field(DSL.name(table.getValue()), SQLDataType.VARCHAR));
            }
            tx.dsl().insertInto(MAINTENANCE).set(JOB, JOB_NAME).set(DONE_AT, java.time.Instant.now().toString()).execute();
            return rows;
        });
        if (rewritten > 0) {
            database.get().execute("VACUUM");
            database.get().fetch("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return rewritten;
    }

    private static int rewrite(DSLContext db, Table<?> table, Field<String> json) {
        int rows = 0;
        // Credentials always come with an '@': rows without one need not be parsed.
        List<Record2<Long, String>> candidates = db.select(ROW_ID, json).from(table).where(json.contains("@")).fetch();
        for (Record2<Long, String> row : candidates) {
            JsonNode tree = parse(row.value2());
            if (tree != null && redact(tree)) {
                db.update(table).set(json, tree.toString()).where(ROW_ID.eq(row.value1())).execute();
                rows++;
            }
        }
        return rows;
    }

    /** @return whether anything under {@code node} changed */
    private static boolean redact(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                if (field.getKey().equals("remotes") && field.getValue() instanceof ObjectNode remotes) {
                    for (Map.Entry<String, JsonNode> remote : List.copyOf(remotes.properties())) {
                        changed |= redactText(remotes, remote.getKey());
                    }
                } else if (URL_FIELDS.contains(field.getKey())) {
                    changed |= redactText(object, field.getKey());
                } else {
                    changed |= redact(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                changed |= redact(element);
            }
        }
        return changed;
    }

    private static boolean redactText(ObjectNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            return false;
        }
        String redacted = RemoteUrls.redact(value.asText());
        if (redacted.equals(value.asText())) {
            return false;
        }
        object.put(name, redacted);
        return true;
    }

    /** A row that is not JSON is left as it is: reading it fails the same way as before. */
    private static JsonNode parse(String json) {
        try {
            return AuditJson.mapper().readTree(json);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
