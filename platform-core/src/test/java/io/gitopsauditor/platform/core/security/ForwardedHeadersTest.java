package io.gitopsauditor.platform.core.security;

import static io.gitopsauditor.platform.core.security.SecurityFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.internal.security.SecurityStore;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a trusted proxy ({@code server.forwarded-headers: true}) the request arrives with what the
 * client claimed followed by what the proxy appended; only the latter counts.
 */
class ForwardedHeadersTest {
    @TempDir
    Path data;

    @Test
    void theAddressTheProxyAppendedToXForwardedForIsTheClientNotTheOneTheClientClaimed() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("server.forwarded-headers", "true",
                "security.login-attempts-per-minute", "3"))) {
            SecurityFixtures.adminSession(server);
            int last = 0;
            for (int guess = 0; guess < 4; guess++) {
                // What nginx's $proxy_add_x_forwarded_for makes of a client that sent its own X-Forwarded-For.
                HttpResponse<String> answer = server.anonymously(wrongLogin(server)
                        .header("X-Forwarded-For", "198.51.100." + guess + ", 203.0.113.9"));
                last = answer.statusCode();
            }
            assertThat(last).as("a new claimed address per guess does not reset the throttle").isEqualTo(429);
            assertThat(failedLoginClients(server)).containsOnly("203.0.113.9");
        }
    }

    @Test
    void theLastElementOfForwardedIsTheClient() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("server.forwarded-headers", "true"))) {
            SecurityFixtures.adminSession(server);
            server.anonymously(wrongLogin(server).header("Forwarded", "for=198.51.100.1;host=evil.example, for=\"203.0.113.10\";proto=https"));
            assertThat(failedLoginClients(server)).containsOnly("203.0.113.10");
        }
    }

    private static java.net.http.HttpRequest.Builder wrongLogin(TestServer server) {
        return json("/api/platform/login", server, "{\"username\":\"admin\",\"password\":\"wrong wrong wrong\"}");
    }

    private static List<String> failedLoginClients(TestServer server) {
        return server.platform().securityStore().events(new io.gitopsauditor.plugin.api.list.PageRequest(0, 100, java.util.List.of()), null).items().stream().filter(e -> e.type().equals("login-failed"))
                .map(SecurityStore.SecurityEvent::client).toList();
    }
}
