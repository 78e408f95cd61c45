package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.GatedJobPlugin;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.WebSocketProbe;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's jobs through the real server: a plugin's job over REST and on platform.jobs, keys, cancel, failure. */
class JobsOverHttpTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void boot() throws Exception {
        GatedJobPlugin.buildInto(data.resolve("plugins"));
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aJobReportsProgressOverRestAndTheChannelAndEndsWithItsOutcome() throws Exception {
        try (WebSocketProbe socket = server.webSocket()) {
            socket.send("{\"type\":\"subscribe\",\"channel\":\"platform.jobs\"}");
            socket.next("subscribed");
            String id = startJob("");

            JsonNode running = awaitJob(id, job -> job.path("progress").path("done").asLong() == 1);
            assertThat(running.path("state").asText()).isEqualTo("running");
            assertThat(running.path("plugin").asText()).isEqualTo("gated");
            assertThat(running.path("kind").asText()).isEqualTo("gated.work");
            assertThat(running.path("subject").asText()).isEqualTo("Gated work");
            assertThat(running.path("startedBy").asText()).isEqualTo("token:test-admin");
            assertThat(running.path("progress").path("total").asLong()).isEqualTo(3);
            assertThat(running.path("progress").path("message").asText()).isEqualTo("first step");
            assertThat(running.has("finishedAt")).as("null fields are written, not left out").isTrue();
            assertThat(running.path("finishedAt").isNull()).isTrue();
            assertThat(ids(server.get("/api/platform/jobs?state=running"))).contains(id);
            assertThat(ids(server.get("/api/platform/jobs?state=finished"))).doesNotContain(id);

            release(id);
            JsonNode finished = awaitJob(id, job -> job.path("state").asText().equals("succeeded"));
            assertThat(finished.path("outcome").asText()).isEqualTo("Did 3 steps");
            assertThat(finished.path("link").asText()).isEqualTo("/gated/" + id);
            assertThat(finished.path("progress").path("done").asLong()).isEqualTo(3);
            assertThat(finished.path("finishedAt").asText()).isNotEmpty();
            assertThat(ids(server.get("/api/platform/jobs?state=finished&plugin=gated&kind=gated.work"))).contains(id);

            List<String> types = new ArrayList<>();
            while (!types.contains("job.finished")) {
                JsonNode event = socket.next("event").path("data");
                if (event.path("id").asText().equals(id)) {
                    types.add(event.path("type").asText());
                    if (event.path("type").asText().equals("job.finished")) {
                        assertThat(event.path("state").asText()).isEqualTo("succeeded");
                        assertThat(event.path("outcome").asText()).isEqualTo("Did 3 steps");
                    }
                }
            }
            assertThat(types.getFirst()).isEqualTo("job.started");
            assertThat(types).contains("job.progress");
        }
    }

    @Test
    void aSecondJobWithTheSameKeyIsRefusedWith409UntilTheFirstEnds() throws Exception {
        String first = startJob("?key=exclusive");
        HttpResponse<String> second = server.postJson("/api/gated/jobs?key=exclusive", "");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(TestServer.json(second).path("detail").asText()).contains("Job " + first).contains("'exclusive'");
        assertThat(startJob("?key=other")).as("another key is free").isNotEqualTo(first);

        release(first);
        awaitJob(first, job -> job.path("state").asText().equals("succeeded"));
        String third = startJob("?key=exclusive");
        release(third);
        awaitJob(third, job -> job.path("state").asText().equals("succeeded"));
    }

    @Test
    void cancellingARunningJobInterruptsItsTaskAndRecordsItCancelled() throws Exception {
        String id = startJob("?key=to-cancel");
        awaitJob(id, job -> job.path("state").asText().equals("running"));

        HttpResponse<String> cancel = server.postJson("/api/platform/jobs/" + id + "/cancel", "");
        assertThat(cancel.statusCode()).isEqualTo(200);
        JsonNode cancelled = awaitJob(id, job -> job.path("state").asText().equals("cancelled"));
        assertThat(cancelled.path("outcome").asText()).isEqualTo("Cancelled.");
        assertThat(cancelled.path("progress").path("done").asLong()).as("it stopped at the gate").isEqualTo(1);

        assertThat(server.postJson("/api/platform/jobs/" + id + "/cancel", "").statusCode()).isEqualTo(409);
        assertThat(server.postJson("/api/platform/jobs/999999/cancel", "").statusCode()).isEqualTo(404);
        String next = startJob("?key=to-cancel");
        release(next);
    }

    @Test
    void aFailedJobShowsTheExceptionMessageAndNoStackTrace() throws Exception {
        String id = startJob("?fail=the%20disk%20is%20full");
        release(id);
        JsonNode failed = awaitJob(id, job -> job.path("state").asText().equals("failed"));
        assertThat(failed.path("outcome").asText()).isEqualTo("the disk is full");
        assertThat(server.get("/api/platform/jobs/" + id).body()).doesNotContain("Exception").doesNotContain("at test.gated");
    }

    @Test
    void theListRefusesUnknownStatesSortsAndLimitsNamingWhatIsAllowed() {
        assertThat(TestServer.json(problem(server.get("/api/platform/jobs?state=done"))).path("detail").asText())
                .contains("'running'").contains("'finished'");
        assertThat(TestServer.json(problem(server.get("/api/platform/jobs?sort=name"))).path("detail").asText())
                .contains("-startedAt");
        problem(server.get("/api/platform/jobs?limit=501"));
        problem(server.get("/api/platform/jobs?offset=-1"));
        JsonNode page = TestServer.json(server.get("/api/platform/jobs?limit=1"));
        assertThat(page.path("limit").asInt()).isEqualTo(1);
        assertThat(page.path("offset").asInt()).isZero();
        assertThat(page.path("sort").asText()).isEqualTo("-startedAt");
        assertThat(page.path("items").size()).isLessThanOrEqualTo(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(page.path("items").size());
    }

    @Test
    void readingJobsNeedsACallerAndCancellingNeedsTheWriteScope() {
        String readToken = server.createToken(io.gitopsauditor.plugin.api.Scope.READ);
        assertThat(server.anonymously(java.net.http.HttpRequest.newBuilder(server.uri("/api/platform/jobs"))).statusCode())
                .isEqualTo(401);
        assertThat(server.anonymously(java.net.http.HttpRequest.newBuilder(server.uri("/api/platform/jobs"))
                .header("Authorization", "Bearer " + readToken)).statusCode()).isEqualTo(200);
        assertThat(server.anonymously(java.net.http.HttpRequest.newBuilder(server.uri("/api/platform/jobs/1/cancel"))
                .header("Authorization", "Bearer " + readToken).POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return response;
    }

    private static String startJob(String query) {
        HttpResponse<String> started = server.postJson("/api/gated/jobs" + query, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return TestServer.json(started).path("id").asText();
    }

    private static void release(String id) {
        assertThat(server.postJson("/api/gated/jobs/" + id + "/release", "").statusCode()).isEqualTo(204);
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        TestServer.json(page).path("items").forEach(job -> ids.add(job.path("id").asText()));
        return ids;
    }

    static JsonNode awaitJob(String id, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = server.get("/api/platform/jobs/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            job = TestServer.json(response);
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " never got there; last seen " + job);
    }
}
