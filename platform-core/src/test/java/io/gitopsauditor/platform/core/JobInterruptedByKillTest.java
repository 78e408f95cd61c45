package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.GatedJobPlugin;
import io.gitopsauditor.platform.core.testkit.PluginJarBuilder;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job running when the server process is killed (no shutdown hook runs) shows as interrupted after the next start. */
class JobInterruptedByKillTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");

    @Test
    void aJobRunningWhenTheServerIsKilledShowsInterruptedAfterRestart(@TempDir Path data) throws Exception {
        GatedJobPlugin.buildInto(data.resolve("plugins"));
        java.io.StringWriter tokenOut = new java.io.StringWriter();
        picocli.CommandLine cli = io.gitopsauditor.platform.core.internal.cli.RootCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(tokenOut));
        assertThat(cli.execute("migrate", "--data-dir", data.toString())).isZero();
        assertThat(cli.execute("token", "create", "--name", "ci", "--scope", "write", "--data-dir", data.toString())).isZero();
        String token = tokenOut.toString().strip().lines().reduce((first, last) -> last).orElseThrow();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", PluginJarBuilder.runtimeModulePath(),
                "-m", "io.gitopsauditor.platform.core/io.gitopsauditor.platform.core.GitopsAuditor",
                "serve", "--port", "0", "--data-dir", data.toString()));
        Process server = new ProcessBuilder(command).redirectError(data.resolve("server.log").toFile()).start();
        String id;
        try {
            String base = awaitListening(server);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base + "/api/gated/jobs"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            id = TestServer.json(started).path("id").asText();
            // Running, its progress stored (at most once a second): then kill it without warning.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            JsonNode job;
            do {
                Thread.sleep(50);
                job = TestServer.json(client.send(HttpRequest.newBuilder(URI.create(base + "/api/platform/jobs/" + id))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
            } while (!job.path("state").asText().equals("running") && System.nanoTime() < deadline);
            assertThat(job.path("state").asText()).isEqualTo("running");
            server.destroyForcibly(); // SIGKILL
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }

        try (TestServer restarted = TestServer.start(data)) {
            JsonNode job = TestServer.json(restarted.get("/api/platform/jobs/" + id));
            assertThat(job.path("state").asText()).isEqualTo("interrupted");
            assertThat(job.path("outcome").asText()).isEqualTo("The server stopped while this job was running.");
            assertThat(job.path("finishedAt").asText()).isNotEmpty();
            assertThat(job.path("startedBy").asText()).isEqualTo("token:ci");
            assertThat(restarted.platform().jobs().forPlugin("gated", () -> { }).interruptedAtStart())
                    .extracting(io.gitopsauditor.plugin.api.jobs.Job::id).containsExactly(id);
        }
    }

    private static String awaitListening(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("server exited before listening (exit " + server.waitFor() + ")");
    }
}
