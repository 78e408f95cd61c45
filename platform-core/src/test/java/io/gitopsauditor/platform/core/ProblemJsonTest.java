package io.gitopsauditor.platform.core;

import static io.gitopsauditor.platform.core.testkit.PluginJarBuilder.simplePlugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error is RFC 9457 problem+json written by the kernel: no stack trace, no Java names. */
class ProblemJsonTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void boot() throws Exception {
        simplePlugin("test.boom", "boom", "0.1", """
                public void register(PluginContext c) { c.rest().resource(new Boom()); c.rest().resource(PerRequest.class); }
                @jakarta.ws.rs.Path("per-request")
                public static final class PerRequest {
                    @jakarta.ws.rs.GET public String hi() { return "hi"; }
                }
                @jakarta.ws.rs.Path("")
                public static final class Boom {
                    @jakarta.ws.rs.GET @jakarta.ws.rs.Path("npe") public String npe() { String s = null; return s.trim(); }
                    @jakarta.ws.rs.GET @jakarta.ws.rs.Path("teapot")
                    public String teapot() { throw new ProblemException(418, "I'm a teapot", "short and stout"); }
                }
                """).buildInto(data.resolve("plugins"), "boom.jar");
        server = io.gitopsauditor.platform.core.testkit.ExamplePlugin.server(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownApiRouteIs404Problem() {
        JsonNode problem = problem(server.get("/api/nope/nothing"), 404);
        assertThat(problem.path("detail").asText()).isEqualTo("There is nothing at /api/nope/nothing.");
    }

    @Test
    void unknownFileOutsideTheApiIs404ProblemToo() {
        // A path without a dot in its last segment is a dashboard route (DashboardTest); a file name is a miss.
        problem(server.get("/definitely/not/here.txt"), 404);
    }

    @Test
    void wrongMethodIs405WithTheAllowedOnes() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/hello/greetings")).DELETE());
        assertThat(problem(response, 405).path("detail").asText()).contains("GET").contains("POST");
    }

    @Test
    void wrongMediaTypeIs415() {
        problem(server.post("/api/hello/greetings", "text/plain", "hello"), 415);
    }

    @Test
    void malformedJsonIs400WithThePosition() {
        assertThat(problem(server.postJson("/api/hello/greetings", "{\"name\":"), 400).path("detail").asText())
                .startsWith("The request body is not well-formed JSON at line 1");
    }

    @Test
    void wrongTypeAndUnknownFieldAre400NamingTheField() {
        assertThat(problem(server.postJson("/api/hello/greetings", "{\"name\":[1]}"), 400).path("detail").asText())
                .contains("'name'");
        assertThat(problem(server.postJson("/api/hello/greetings", "{\"nome\":\"x\"}"), 400).path("detail").asText())
                .isEqualTo("Unknown field 'nome'.");
    }

    @Test
    void queryParameterOfTheWrongTypeIs400NotANonExistentRoute() {
        assertThat(problem(server.get("/api/hello/greetings?limit=many"), 400).path("detail").asText())
                .isEqualTo("The query parameter 'limit' has a value of the wrong type.");
    }

    @Test
    void resourceRegisteredAsAClassIsServedUnderThePluginPrefix() {
        HttpResponse<String> response = server.get("/api/boom/per-request");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hi");
    }

    @Test
    void emptyBodyIs400() {
        problem(server.postJson("/api/hello/greetings", ""), 400);
    }

    @Test
    void pluginProblemKeepsItsStatusTitleAndDetail() {
        JsonNode problem = problem(server.get("/api/boom/teapot"), 418);
        assertThat(problem.path("title").asText()).isEqualTo("I'm a teapot");
        assertThat(problem.path("detail").asText()).isEqualTo("short and stout");
    }

    @Test
    void unexpectedExceptionIsAGeneric500QuotingTheLoggedErrorId() {
        JsonNode problem = problem(server.get("/api/boom/npe"), 500);
        assertThat(problem.path("errorId").asText()).hasSize(36);
        assertThat(problem.path("detail").asText()).contains(problem.path("errorId").asText());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "java.", "com.fasterxml", "org.glassfish", "\tat ");
        JsonNode problem = TestServer.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isNotBlank();
        return problem;
    }
}
