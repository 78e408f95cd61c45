package io.gitopsauditor.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.ExamplePlugin;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests outside the API's usual shape, sent over a raw socket to the real server. */
class ProtocolHardeningTest {
    @TempDir
    Path data;

    @Test
    void traceAndTrackAreRefusedWith405ProblemJsonEverywhere() throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            int port = server.platform().port();
            for (String method : new String[] {"TRACE", "TRACK"}) {
                for (String path : new String[] {"/", "/api/platform/health", "/api/platform/plugins", "/ws"}) {
                    RawExchange answer = RawExchange.send(port, method, path, "Host: 127.0.0.1:" + port,
                            "Authorization: Bearer " + server.adminToken(), "X-Echo-Me: secret");
                    assertThat(answer.status()).as(method + " " + path).isEqualTo(405);
                    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(answer.body()).contains("\"status\":405").doesNotContain("X-Echo-Me").doesNotContain("secret");
                }
            }
        }
    }

    @Test
    void aChunkedBodyOverTheLimitGets413ProblemJsonLikeASizedOne() throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            RawExchange answer = RawExchange.chunkedPost(server.platform().port(), "/api/hello/greetings",
                    "Bearer " + server.adminToken(), 1_153_434);
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("The request body is too large.");
        }
    }

    @Test
    void aHostNameThatIsNotThisServersGets421EvenForLoginSetupAndTheWebSocketHandshake() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            int port = server.platform().port();
            String evil = "Host: rebound.attacker.example:" + port;
            for (String[] request : new String[][] {{"GET", "/api/platform/setup"}, {"POST", "/api/platform/login"},
                    {"GET", "/api/platform/health"}, {"GET", "/"}}) {
                RawExchange answer = RawExchange.send(port, request[0], request[1], evil, "Content-Length: 0");
                assertThat(answer.status()).as(String.join(" ", request)).isEqualTo(421);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.body()).contains("server.allowed-hosts");
            }
            RawExchange upgrade = RawExchange.send(port, "GET", "/ws", evil, "Authorization: Bearer " + server.adminToken(),
                    "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
            assertThat(upgrade.status()).isEqualTo(421);
        }
    }

    @Test
    void loopbackNamesTheBindAddressThePublicUrlAndAllowedHostsAreAccepted() throws Exception {
        try (TestServer server = TestServer.start(data, java.util.Map.of("server.public-url", "https://auditor.example.org",
                "server.allowed-hosts", "intranet-auditor, 192.0.2.7"))) {
            int port = server.platform().port();
            for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "127.8.9.10:" + port,
                    "[::1]:" + port, "auditor.example.org", "intranet-auditor:" + port, "192.0.2.7"}) {
                RawExchange answer = RawExchange.send(port, "GET", "/api/platform/health", "Host: " + host);
                assertThat(answer.status()).as(host).isEqualTo(200);
            }
            assertThat(RawExchange.send(port, "GET", "/api/platform/health", "Host: 192.0.2.8").status()).isEqualTo(421);
        }
    }
}
