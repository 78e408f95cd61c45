package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.ExamplePlugin;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.WebSocketProbe;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example third-party plugin, built from its sources into a real jar and dropped into the
 * plugins folder: its REST endpoint, WebSocket channel, tables and UI bundle all go live.
 */
class ThirdPartyPluginTest {
    @Test
    void droppedJarIsListedAsStartedWithItsContributions(@TempDir Path data) throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            JsonNode hello = server.plugin("hello");
            assertThat(hello.path("state").asText()).isEqualTo("STARTED");
            assertThat(hello.path("version").asText()).isEqualTo("1.0.0");
            assertThat(hello.path("source").asText()).isEqualTo("hello-plugin.jar");
            assertThat(hello.path("module").asText()).isEqualTo("io.gitopsauditor.examples.hello");
            assertThat(hello.path("restBasePath").asText()).isEqualTo("/api/hello");
            assertThat(hello.path("channels").toString()).isEqualTo("[\"hello.greetings\"]");
            assertThat(hello.path("ui").path("entry").asText()).isEqualTo("/ui/hello/index.js");
            assertThat(hello.has("reason")).isFalse();
        }
    }

    @Test
    void restEndpointStoresInThePluginsOwnTableAndSurvivesARestart(@TempDir Path data) throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            HttpResponse<String> created = server.postJson("/api/hello/greetings", "{\"name\":\"world\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(TestServer.json(created).path("message").asText()).isEqualTo("Hello, world!");
            long tables = server.platform().database().dsl()
                    .fetchCount(DSL.table(DSL.name("sqlite_master")), DSL.field("name").eq("hello_greetings"));
            assertThat(tables).isEqualTo(1);
        }
        try (TestServer restarted = ExamplePlugin.server(data)) {
            JsonNode greetings = TestServer.json(restarted.get("/api/hello/greetings"));
            assertThat(greetings).hasSize(1);
            assertThat(greetings.get(0).path("name").asText()).isEqualTo("world");
            assertThat(restarted.platform().database().dsl().fetchCount(DSL.table(DSL.name("platform_migrations")),
                    DSL.field("owner").eq("hello"))).isEqualTo(1);
        }
    }

    @Test
    void publishedEventsReachWebSocketSubscribersInOrderAndResumeAfterReconnect(@TempDir Path data) throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            String epoch;
            try (WebSocketProbe ws = server.webSocket()) {
                ws.send("{\"type\":\"subscribe\",\"channel\":\"hello.greetings\"}");
                JsonNode subscribed = ws.next("subscribed");
                assertThat(subscribed.path("seq").asLong()).isZero();
                epoch = subscribed.path("epoch").asText();

                server.postJson("/api/hello/greetings", "{\"name\":\"first\"}");
                server.postJson("/api/hello/greetings", "{\"name\":\"second\"}");
                JsonNode one = ws.next("event");
                JsonNode two = ws.next("event");
                assertThat(one.path("seq").asLong()).isEqualTo(1);
                assertThat(one.path("channel").asText()).isEqualTo("hello.greetings");
                assertThat(one.path("data").path("name").asText()).isEqualTo("first");
                assertThat(two.path("seq").asLong()).isEqualTo(2);
            }
            server.postJson("/api/hello/greetings", "{\"name\":\"while away\"}");
            try (WebSocketProbe ws = server.webSocket()) {
                ws.send("{\"type\":\"subscribe\",\"channel\":\"hello.greetings\",\"since\":2,\"epoch\":\"" + epoch + "\"}");
                assertThat(ws.next("subscribed").path("seq").asLong()).isEqualTo(3);
                JsonNode missed = ws.next();
                assertThat(missed.path("type").asText()).isEqualTo("event");
                assertThat(missed.path("seq").asLong()).isEqualTo(3);
                assertThat(missed.path("data").path("name").asText()).isEqualTo("while away");
            }
        }
    }

    @Test
    void uiBundleIsServedFromTheJarAndNothingOutsideItsFolder(@TempDir Path data) throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            HttpResponse<String> entry = server.get("/ui/hello/index.js");
            assertThat(entry.statusCode()).isEqualTo(200);
            assertThat(entry.headers().firstValue("Content-Type").orElse("")).contains("javascript");
            assertThat(entry.body()).contains("export default definePlugin(");
            assertThat(server.get("/ui/hello/").statusCode()).isIn(403, 404);
            assertThat(server.get("/ui/hello/%2e%2e/%2e%2e/migrations/hello/V1__create_greetings.sql").statusCode()).isIn(400, 404);
            assertThat(server.get("/ui/hello/missing.js").statusCode()).isEqualTo(404);
        }
    }
}
