package io.gitopsauditor.platform.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.plugin.api.Scope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformListsTest {
    @TempDir
    Path data;

    @Test
    void tokensAnswerInTheListShapeSortedAndPagedAsAsked() {
        try (TestServer server = TestServer.start(data)) {
            for (String name : List.of("charlie", "alpha", "bravo")) {
                server.platform().securityStore().createToken(name, Scope.READ, "tests");
            }
            JsonNode all = TestServer.json(server.get("/api/platform/tokens"));
            assertThat(all.path("sort").asText()).isEqualTo("id");
            assertThat(all.path("offset").asInt()).isZero();
            assertThat(all.path("limit").asInt()).isEqualTo(50);
            long total = all.path("total").asLong();
            assertThat(all.path("items")).hasSize((int) total);

            List<String> byNameDescending = new java.util.ArrayList<>();
            TestServer.json(server.get("/api/platform/tokens?sort=-name")).path("items").forEach(t -> byNameDescending.add(t.path("name").asText()));
            assertThat(byNameDescending).isSortedAccordingTo(java.util.Comparator.reverseOrder()).contains("alpha", "bravo", "charlie");
            JsonNode page = TestServer.json(server.get("/api/platform/tokens?sort=-name&limit=2&offset=1"));
            assertThat(page.path("items")).extracting(t -> t.path("name").asText()).containsExactlyElementsOf(byNameDescending.subList(1, 3));
            assertThat(page.path("total").asLong()).isEqualTo(total);
            assertThat(page.path("sort").asText()).isEqualTo("-name");
        }
    }

    @Test
    void securityEventsAnswerInTheListShapeNewestFirst() {
        try (TestServer server = TestServer.start(data)) {
            server.platform().securityStore().record("test-one", "tests", "127.0.0.1", "first");
            server.platform().securityStore().record("test-two", "tests", "127.0.0.1", "second");
            JsonNode page = TestServer.json(server.get("/api/platform/security-events?limit=1"));
            assertThat(page.path("sort").asText()).isEqualTo("-id");
            assertThat(page.path("limit").asInt()).isEqualTo(1);
            assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(page.path("items").get(0).path("type").asText()).isEqualTo("test-two");
            long newest = page.path("items").get(0).path("id").asLong();
            JsonNode before = TestServer.json(server.get("/api/platform/security-events?limit=1&before=" + newest));
            assertThat(before.path("items").get(0).path("type").asText()).isEqualTo("test-one");
        }
    }

    @Test
    void aBadSortIsA400ProblemNamingTheAllowedFields() {
        try (TestServer server = TestServer.start(data)) {
            var response = server.get("/api/platform/tokens?sort=secret");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(TestServer.json(response).path("detail").asText())
                    .isEqualTo("sort must be a comma-separated list of id, name, createdAt, lastUsedAt (a leading - sorts descending), got 'secret'");
            assertThat(server.get("/api/platform/security-events?limit=1001").statusCode()).isEqualTo(400);
        }
    }
}
