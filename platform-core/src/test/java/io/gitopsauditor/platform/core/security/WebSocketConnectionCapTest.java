package io.gitopsauditor.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.WebSocketProbe;
import io.gitopsauditor.plugin.api.Scope;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code websocket.max-connections-per-credential}: one session or token cannot open connections without end. */
class WebSocketConnectionCapTest {
    @TempDir
    Path data;

    @Test
    void aCredentialPastItsConnectionCapIsRefusedAtTheHandshakeWith429WhileOthersStillConnect() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("websocket.max-connections-per-credential", "3"))) {
            String token = server.createToken(Scope.READ);
            List<WebSocketProbe> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(connected(server, token));
            }
            assertThat(handshakeStatus(server, token)).isEqualTo(429);
            try (WebSocketProbe other = connected(server, server.adminToken())) {
                assertThat(other.closed()).isNotDone();
            }

            open.getFirst().close();
            open.getFirst().closed().get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            WebSocketProbe again = null;
            while (again == null && System.nanoTime() < deadline) {
                try {
                    again = connected(server, token);
                } catch (RuntimeException stillFull) {
                    Thread.sleep(50); // the server unregisters a closed connection just after the close handshake
                }
            }
            assertThat(again).as("a closed connection frees its place").isNotNull();
            again.close();
            open.forEach(WebSocketProbe::close);
        }
    }

    /** Connected, and the server has registered the connection (it answered a ping). */
    private static WebSocketProbe connected(TestServer server, String token) throws InterruptedException {
        WebSocketProbe probe = WebSocketProbe.connect(server.client(), server.webSocketUri(), Map.of("Authorization", "Bearer " + token));
        probe.send("{\"type\":\"ping\"}");
        assertThat(probe.next("pong")).isNotNull();
        return probe;
    }

    private static int handshakeStatus(TestServer server, String token) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> WebSocketProbe.connect(server.client(), server.webSocketUri(), Map.of("Authorization", "Bearer " + token)));
        while (failure != null && !(failure instanceof WebSocketHandshakeException)) {
            failure = failure.getCause();
        }
        assertThat(failure).as("the handshake must be refused").isNotNull();
        return ((WebSocketHandshakeException) failure).getResponse().statusCode();
    }
}
