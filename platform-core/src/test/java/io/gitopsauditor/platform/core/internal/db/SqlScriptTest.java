package io.gitopsauditor.platform.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsOnSemicolonsOutsideQuotesCommentsAndTriggerBodies() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE x_a (v TEXT DEFAULT 'a;b');
                /* block; comment */ INSERT INTO x_a VALUES ("q;uoted");
                CREATE TRIGGER x_t AFTER INSERT ON x_a BEGIN
                  UPDATE x_a SET v = 'c'; DELETE FROM x_a WHERE v = 'd';
                END;
                """;
        assertThat(SqlScript.statements(script)).hasSize(3)
                .last().asString().startsWith("CREATE TRIGGER").endsWith("END");
    }

    @Test
    void findsTheObjectsAStatementCreatesOrDrops() {
        assertThat(SqlScript.objectNames("CREATE UNIQUE INDEX IF NOT EXISTS \"x_idx\" ON x_a (v)")).containsExactly("x_idx");
        assertThat(SqlScript.objectNames("drop table if exists other_t")).containsExactly("other_t");
        assertThat(SqlScript.objectNames("INSERT INTO x_a VALUES (1)")).isEmpty();
    }
}
