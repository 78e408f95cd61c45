package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.WebSocketProbe;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /ws protocol's answers to mistakes, and its limits. */
class WebSocketProtocolTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void boot() throws Exception {
        io.gitopsauditor.platform.core.testkit.ExamplePlugin.copyInto(data.resolve("plugins"));
        server = TestServer.start(data, Map.of("websocket.max-message-size", "2048"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    WebSocketProbe connect() {
        return server.webSocket();
    }

    @Test
    void unknownChannelIsAnErrorNamingIt() throws Exception {
        try (WebSocketProbe ws = connect()) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"nope.nothing\"}");
            var error = ws.next("error");
            assertThat(error.path("channel").asText()).isEqualTo("nope.nothing");
            assertThat(error.path("message").asText()).contains("no channel named 'nope.nothing'");
        }
    }

    @Test
    void messagesThatAreNotJsonOrOfUnknownTypeGetAnErrorAndTheConnectionStaysUsable() throws Exception {
        try (WebSocketProbe ws = connect()) {
            ws.send("not json at all");
            assertThat(ws.next("error").path("message").asText()).contains("JSON");
            ws.send("{\"type\":\"dance\"}");
            assertThat(ws.next("error").path("message").asText()).contains("unknown message type 'dance'");
            ws.send("{\"type\":\"ping\"}");
            assertThat(ws.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void unsubscribedClientGetsNoMoreEvents() throws Exception {
        try (WebSocketProbe ws = connect()) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"hello.greetings\"}");
            ws.next("subscribed");
            ws.send("{\"type\":\"unsubscribe\",\"channel\":\"hello.greetings\"}");
            ws.next("unsubscribed");
            server.postJson("/api/hello/greetings", "{\"name\":\"unheard\"}");
            ws.send("{\"type\":\"ping\"}");
            assertThat(ws.next().path("type").asText()).as("nothing before the pong").isEqualTo("pong");
        }
    }

    @Test
    void oversizedMessageClosesTheConnectionWith1009() throws Exception {
        try (WebSocketProbe ws = connect()) {
            ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(4096) + "\"}");
            assertThat(ws.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }
}
