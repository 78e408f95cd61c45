package io.gitopsauditor.plugins.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.plugins.audit.testing.FakeGitHub;
import io.gitopsauditor.plugins.audit.testing.FakeRepository;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's declared settings through the real server: folders and owners set over REST (as the
 * Settings page does) reach the running audit, which reads its sources again and starts a run.
 */
class AuditSettingsOverHttpTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void foldersAndOwnersSetOverRestStartARunThatSeesThemWithoutARestart() throws Exception {
        Path root = Files.createDirectories(temp.resolve("src"));
        try (Git app = Git.init().setInitialBranch("main").setDirectory(root.resolve("app").toFile()).call()) {
            Files.writeString(root.resolve("app/README.md"), "app");
            app.add().addFilepattern("README.md").call();
            app.commit().setMessage("first").setAuthor(ME).setCommitter(ME).setSign(false).call();
            app.remoteAdd().setName("origin").setUri(new URIish("https://github.com/" + FakeGitHub.USER + "/app.git")).call();
        }
        try (FakeGitHub github = FakeGitHub.start().withUser(FakeGitHub.USER,
                List.of(FakeRepository.named("app"), FakeRepository.named("only-on-github")));
             TestServer server = TestServer.start(temp.resolve("data"), Map.of("github.api-url", github.url().toString(),
                     "plugins.audit.watch", "false"))) {
            JsonNode before = TestServer.json(server.get("/api/audit/summary"));
            assertThat(before.path("settings").path("roots")).isEmpty();

            HttpResponse<String> changed = server.putJson("/api/platform/settings/audit",
                    "{\"roots\": [\"" + root + "\"], \"github-owners\": [\"" + FakeGitHub.USER + "\"]}");

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(TestServer.json(changed).path("sources").path("roots").asText()).isEqualTo("dashboard");
            JsonNode run = awaitFinishedRun(server, AuditPlugin.SETTINGS_TRIGGER);
            assertThat(run.path("status").asText()).isEqualTo("finished");
            JsonNode repositories = TestServer.json(server.get("/api/audit/repositories")).path("items");
            List<String> names = new java.util.ArrayList<>();
            repositories.forEach(repository -> names.add(repository.path("name").asText()));
            assertThat(names).containsExactlyInAnyOrder("app", "only-on-github");
            assertThat(TestServer.json(server.get("/api/audit/summary")).path("settings").path("roots").get(0).asText())
                    .isEqualTo(root.toString());
        }
    }

    @Test
    void theAuditsSettingsAreDeclaredWithTheirTypesAndDefaults() throws Exception {
        try (TestServer server = TestServer.start(temp.resolve("data"), Map.of("plugins.audit.schedule", "off"))) {
            JsonNode group = TestServer.json(server.get("/api/platform/settings/audit"));

            JsonNode properties = group.path("schema").path("properties");
            assertThat(properties.path("roots").path("items").path("x-setting").asText()).isEqualTo("folder");
            assertThat(properties.path("github-owners").path("x-setting").asText()).isEqualTo("list");
            assertThat(properties.path("depth").path("default").asInt()).isEqualTo(3);
            assertThat(group.path("sources").path("schedule").asText()).isEqualTo("file");
            assertThat(server.putJson("/api/platform/settings/audit", "{\"schedule\": \"30m\"}").statusCode()).isEqualTo(409);
            HttpResponse<String> invalid = server.putJson("/api/platform/settings/audit", "{\"github-owners\": [\"not an owner\"]}");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(invalid).path("errors").get(0).path("field").asText()).isEqualTo("github-owners");
        }
    }

    private static JsonNode awaitFinishedRun(TestServer server, String trigger) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = TestServer.json(server.get("/api/audit/summary")).path("lastRun");
            if (trigger.equals(last.path("trigger").asText()) && !last.path("status").asText().equals("running")) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no finished run triggered by " + trigger + " within " + TIMEOUT + "; last: " + last);
    }
}
