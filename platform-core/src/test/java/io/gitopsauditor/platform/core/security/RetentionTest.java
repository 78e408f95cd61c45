package io.gitopsauditor.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security events older than {@code security.events-retention}, and expired sessions, do not pile up. */
class RetentionTest {
    @TempDir
    Path data;

    @Test
    void eventsOlderThanTheRetentionAndExpiredSessionsAreDeletedAtStartWhileRecentOnesStay() throws Exception {
        int liveSessions;
        try (TestServer server = TestServer.start(data)) {
            SecurityFixtures.adminSession(server);
            DSLContext sql = server.platform().database().dsl();
            liveSessions = count(sql, "platform_sessions");
            sql.execute("INSERT INTO platform_security_events (time, type, actor, client, detail) VALUES (?, 'login', 'admin', "
                    + "'127.0.0.1', 'old')", Instant.now().minus(Duration.ofDays(31)).toString());
            sql.execute("INSERT INTO platform_security_events (time, type, actor, client, detail) VALUES (?, 'login', 'admin', "
                    + "'127.0.0.1', 'recent')", Instant.now().minus(Duration.ofDays(29)).toString());
            sql.execute("INSERT INTO platform_sessions (id_hash, user_id, csrf_token, created_at, expires_at) "
                    + "SELECT 'expired', id, 'x', ?, ? FROM platform_users", Instant.now().minus(Duration.ofDays(9)).toString(),
                    Instant.now().minus(Duration.ofDays(2)).toString());
        }
        try (TestServer server = TestServer.start(data, Map.of("security.events-retention", "30d"))) {
            DSLContext sql = server.platform().database().dsl();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((count(sql, "platform_security_events WHERE detail = 'old'") > 0
                    || count(sql, "platform_sessions WHERE id_hash = 'expired'") > 0) && System.nanoTime() < deadline) {
                Thread.sleep(50); // pruning runs on a background thread, so as not to slow the start
            }
            assertThat(count(sql, "platform_security_events WHERE detail = 'old'")).isZero();
            assertThat(count(sql, "platform_security_events WHERE detail = 'recent'")).isEqualTo(1);
            assertThat(count(sql, "platform_sessions WHERE id_hash = 'expired'")).isZero();
            assertThat(count(sql, "platform_sessions")).as("live sessions stay").isEqualTo(liveSessions);
        }
    }

    private static int count(DSLContext sql, String from) {
        return ((Number) sql.fetchValue("SELECT count(*) FROM " + from)).intValue();
    }
}
