package io.gitopsauditor.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.ExamplePlugin;
import io.gitopsauditor.platform.core.testkit.PluginJarBuilder;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.WebSocketProbe;
import io.gitopsauditor.plugin.api.Scope;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /ws handshake is authenticated and its Origin checked; ending a credential closes its
 * connections; every channel is refused to a token below its scope.
 */
class WebSocketSecurityTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void boot() throws Exception {
        // One channel of each scope, beside the example plugin's hello.greetings (read).
        PluginJarBuilder.simplePlugin("test.scoped", "scoped", "0.2", """
                public void register(PluginContext c) {
                    c.websocket().channel("watch");
                    c.websocket().channel("changes", Scope.WRITE);
                    c.websocket().channel("secrets", Scope.ADMIN);
                }
                """).buildInto(data.resolve("plugins"), "scoped.jar");
        server = ExamplePlugin.server(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int handshakeStatus(Map<String, String> headers) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> WebSocketProbe.connect(server.client(), server.webSocketUri(), headers));
        while (failure != null && !(failure instanceof WebSocketHandshakeException)) {
            failure = failure.getCause();
        }
        assertThat(failure).as("the handshake must be refused").isNotNull();
        return ((WebSocketHandshakeException) failure).getResponse().statusCode();
    }

    @Test
    void handshakeWithoutCredentialsIsRefused() {
        assertThat(handshakeStatus(Map.of())).isEqualTo(401);
    }

    @Test
    void handshakeFromAForeignOriginIsRefusedEvenWithAValidToken() {
        assertThat(handshakeStatus(Map.of("Authorization", "Bearer " + server.adminToken(), "Origin", "https://evil.example")))
                .isEqualTo(403);
    }

    @Test
    void handshakeWithARevokedTokenIsRefused() {
        String token = server.createToken(Scope.READ);
        server.platform().securityStore().revokeTokens("test-read");
        assertThat(handshakeStatus(Map.of("Authorization", "Bearer " + token))).isEqualTo(401);
    }

    @Test
    void handshakeFromTheServersOwnOriginWithASessionCookieWorks() throws Exception {
        SecurityFixtures.Session session = SecurityFixtures.adminSession(server);
        try (WebSocketProbe ws = WebSocketProbe.connect(server.client(), server.webSocketUri(),
                Map.of("Cookie", session.cookie(), "Origin", "http://127.0.0.1:" + server.platform().port()))) {
            ws.send("{\"type\":\"ping\"}");
            assertThat(ws.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void revokingATokenThroughTheApiClosesItsOpenConnection() throws Exception {
        String token = server.platform().securityStore().createToken("watcher", Scope.READ, "tests").token();
        try (WebSocketProbe ws = WebSocketProbe.connect(server.client(), server.webSocketUri(), Map.of("Authorization", "Bearer " + token))) {
            ws.send("{\"type\":\"ping\"}");
            ws.next();
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/platform/tokens/watcher")).DELETE()).statusCode()).isEqualTo(204);
            assertThat(ws.closed().get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void revokingATokenFromTheCliInAnotherProcessClosesItsConnectionWithinSeconds() throws Exception {
        String token = server.platform().securityStore().createToken("cli-revoked", Scope.READ, "tests").token();
        try (WebSocketProbe ws = WebSocketProbe.connect(server.client(), server.webSocketUri(), Map.of("Authorization", "Bearer " + token))) {
            ws.send("{\"type\":\"ping\"}");
            ws.next();
            // What the CLI does: write the revocation to the database, with no word to the server.
            server.platform().securityStore().revokeTokens("cli-revoked");
            assertThat(ws.closed().get(6, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void eachConnectionKeepsItsOwnCallerSoRevokingOneLeavesTheOtherOpen() throws Exception {
        String first = server.platform().securityStore().createToken("first", Scope.READ, "tests").token();
        String second = server.platform().securityStore().createToken("second", Scope.READ, "tests").token();
        try (WebSocketProbe one = WebSocketProbe.connect(server.client(), server.webSocketUri(), Map.of("Authorization", "Bearer " + first));
             WebSocketProbe two = WebSocketProbe.connect(server.client(), server.webSocketUri(), Map.of("Authorization", "Bearer " + second))) {
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/platform/tokens/first")).DELETE()).statusCode()).isEqualTo(204);
            assertThat(one.closed().get(5, TimeUnit.SECONDS)).isEqualTo(1008);
            Thread.sleep(2500); // past one credential sweep
            two.send("{\"type\":\"ping\"}");
            assertThat(two.next().path("type").asText()).isEqualTo("pong");
            assertThat(two.closed()).isNotDone();
        }
    }

    @Test
    void everyChannelIsTriedWithEveryScopeAndRefusedBelowItsOwnWhileTheOtherSubscriptionsStand() throws Exception {
        Map<String, Scope> channels = new TreeMap<>();
        for (JsonNode plugin : TestServer.json(server.get("/api/platform/plugins"))) {
            plugin.path("channelScopes").fields().forEachRemaining(e -> channels.put(e.getKey(), Scope.valueOf(e.getValue().asText())));
        }
        assertThat(channels).containsEntry("hello.greetings", Scope.READ).containsEntry("scoped.watch", Scope.READ)
                .containsEntry("scoped.changes", Scope.WRITE).containsEntry("scoped.secrets", Scope.ADMIN);
        for (Scope scope : Scope.values()) {
            String token = server.platform().securityStore().createToken("sweep-" + scope.name().toLowerCase(Locale.ROOT), scope, "tests").token();
            try (WebSocketProbe ws = WebSocketProbe.connect(server.client(), server.webSocketUri(), Map.of("Authorization", "Bearer " + token))) {
                for (Map.Entry<String, Scope> channel : channels.entrySet()) {
                    ws.send("{\"type\":\"subscribe\",\"channel\":\"" + channel.getKey() + "\"}");
                    JsonNode reply = ws.next();
                    String what = scope + " on " + channel.getKey();
                    assertThat(reply.path("channel").asText()).as(what).isEqualTo(channel.getKey());
                    if (scope.covers(channel.getValue())) {
                        assertThat(reply.path("type").asText()).as(what).isEqualTo("subscribed");
                    } else {
                        assertThat(reply.path("type").asText()).as(what).isEqualTo("error");
                        assertThat(reply.path("message").asText()).as(what).isEqualTo("channel '" + channel.getKey() + "' needs the "
                                + channel.getValue().name().toLowerCase(Locale.ROOT) + " scope; this connection has "
                                + scope.name().toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(server.postJson("/api/hello/greetings", "{\"name\": \"sweep\"}").statusCode()).isEqualTo(201);
                JsonNode event = ws.next("event");
                assertThat(event.path("channel").asText()).as("%s keeps its permitted subscriptions", scope).isEqualTo("hello.greetings");
                assertThat(ws.closed()).isNotDone();
            }
        }
    }

    @Test
    void floodingTheSocketWithMessagesClosesIt() throws Exception {
        try (WebSocketProbe ws = server.webSocket()) {
            // Ping, wait for the pong, repeat: on loopback that is far above 20 a second, yet the
            // client never has frames in flight when the server closes. Jetty drops the TCP
            // connection right after an error close such as 1008; frames still unread on the
            // server's side would turn that into a reset, which can destroy the close frame
            // before the client reads it.
            for (int i = 0; i < 400 && !ws.closed().isDone(); i++) {
                try {
                    ws.send("{\"type\":\"ping\"}");
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
                ws.nextUnlessClosed();
            }
            assertThat(ws.closed().get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }
}
