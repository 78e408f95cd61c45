package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.internal.jobs.PluginJobs;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.WebSocketProbe;
import io.gitopsauditor.plugin.api.jobs.Job;
import io.gitopsauditor.plugin.api.jobs.JobOutcome;
import io.gitopsauditor.plugin.api.jobs.JobRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the platform stores and publishes of jobs: progress throttled per job, and a pruned history. */
class JobHistoryAndThrottlingTest {

    @Test
    void progressReportedThousandsOfTimesIsPublishedAtMostFourTimesASecondAndTheLastReportArrives(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); WebSocketProbe socket = server.webSocket()) {
            socket.send("{\"type\":\"subscribe\",\"channel\":\"platform.jobs\"}");
            socket.next("subscribed");
            PluginJobs jobs = server.platform().jobs().forPlugin("testing", () -> { });
            long began = System.nanoTime();
            Job job = jobs.start(JobRequest.of("testing.ticks", "Many ticks"), handle -> {
                for (int i = 1; i <= 20_000; i++) {
                    handle.progress(i, 20_000, "tick " + i);
                    if (i % 20 == 0) {
                        Thread.sleep(1);
                    }
                }
                Thread.sleep(600); // a pause after the last report: the trailing publish must still send it
                return JobOutcome.of("ticked");
            });

            List<JsonNode> progress = new ArrayList<>();
            JsonNode finished = null;
            while (finished == null) {
                JsonNode event = socket.next("event").path("data");
                if (!event.path("id").asText().equals(job.id())) {
                    continue;
                }
                switch (event.path("type").asText()) {
                    case "job.progress" -> progress.add(event);
                    case "job.finished" -> finished = event;
                    default -> { }
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            assertThat(progress.size()).as("%d progress events in %.1f s", progress.size(), seconds)
                    .isLessThanOrEqualTo((int) Math.ceil(seconds * 4) + 2);
            assertThat(progress.getLast().path("progress").path("done").asLong()).as("the last report before the pause")
                    .isEqualTo(20_000);
            assertThat(finished.path("state").asText()).isEqualTo("succeeded");
            assertThat(finished.path("progress").path("message").asText()).isEqualTo("tick 20000");
        }
    }

    @Test
    void theHistoryKeepsOnlyTheNewestFinishedJobsAndNoneOlderThanTheRetention(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("jobs.keep", "10", "jobs.retention", "1h"))) {
            PluginJobs jobs = server.platform().jobs().forPlugin("testing", () -> { });
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(jobs.start(JobRequest.of("testing.quick", "Quick " + i), handle -> JobOutcome.of("done")).id());
            }
            for (String id : ids) {
                awaitFinished(jobs, id);
            }

            assertThat(server.platform().jobs().prune()).isEqualTo(2);
            assertThat(jobs.find(ids.get(0))).as("the oldest are gone").isEmpty();
            assertThat(jobs.find(ids.get(1))).isEmpty();
            assertThat(TestServer.json(server.get("/api/platform/jobs?plugin=testing")).path("total").asInt()).isEqualTo(10);

            server.platform().database().dsl().update(DSL.table(DSL.name("platform_jobs")))
                    .set(DSL.field(DSL.name("finished_at")), Instant.now().minusSeconds(2 * 3600).toString())
                    .where(DSL.field(DSL.name("id")).eq(Long.valueOf(ids.get(2)))).execute();
            assertThat(server.platform().jobs().prune()).isEqualTo(1);
            assertThat(jobs.find(ids.get(2))).as("finished two hours ago, kept one").isEmpty();
            assertThat(jobs.find(ids.get(11))).isPresent();
        }
    }

    private static void awaitFinished(PluginJobs jobs, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!jobs.find(id).orElseThrow().state().finished()) {
            assertThat(System.nanoTime()).as("job %s never finished", id).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
