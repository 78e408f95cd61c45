package io.gitopsauditor.plugins.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GitHub's API lists is not trusted: bad entries are left out with a reason, the rest is
 * audited, and the clone fix goes only where {@code FixPlanner} allows. The real server and
 * {@link FakeGitHub} listing hostile entries.
 */
class HostileGitHubEntriesOverHttpTest {
    @TempDir
    Path temp;
    private Path root;
    private FakeGitHub github;
    private TestServer server;

    @BeforeEach
    void gitHubListsHostileEntries() throws Exception {
        root = Files.createDirectories(temp.resolve("src"));
        github = FakeGitHub.start().withUser(FakeGitHub.USER, Stream.of("good", "../escape-clone", "javascript-page",
                "file-clone", "elsewhere").map(FakeRepository::named).toList());
        github.withField(FakeGitHub.USER, "javascript-page", "html_url", "javascript:alert(1)")
                .withCloneUrl(FakeGitHub.USER, "file-clone", temp.resolve("remotes/file-clone.git").toUri().toString())
                .withCloneUrl(FakeGitHub.USER, "elsewhere", "https://evil.example/octocat/elsewhere.git");
        server = TestServer.start(temp.resolve("data"), Map.of(
                "github.api-url", github.url().toString(),
                "plugins.audit.roots", root.toString(),
                "plugins.audit.github-owners", FakeGitHub.USER,
                "plugins.audit.schedule", "off",
                "plugins.audit.watch", "false"));
        HttpResponse<String> accepted = server.postJson("/api/audit/runs", "{\"mode\": \"full\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long run = TestServer.json(accepted).path("runId").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TestServer.json(server.get("/api/audit/runs/" + run)).path("status").asText().equals("running")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        github.close();
    }

    @Test
    void badEntriesAreLeftOutWithTheirReasonInTheSourceStatusAndTheRestIsAudited() {
        JsonNode sources = TestServer.json(server.get("/api/audit/summary")).path("current").path("sources");
        JsonNode gitHub = StreamSupport.stream(sources.spliterator(), false)
                .filter(s -> s.path("id").asText().equals("github:octocat")).findFirst().orElseThrow();
        assertThat(gitHub.path("state").asText()).isEqualTo("OK");
        assertThat(gitHub.path("message").asText())
                .contains("GitHub listed 'octocat/../escape-clone': the name '../escape-clone' is not a safe repository name")
                .contains("GitHub listed 'octocat/javascript-page': its html_url is not a web address; left out")
                .contains("GitHub listed 'octocat/file-clone': its clone_url 'file:")
                .doesNotContain("Exception", "java.");
        assertThat(names()).containsExactlyInAnyOrder("good", "elsewhere");
    }

    @Test
    void aCloneFromAnotherHostIsNotPossibleAndCreatesNothing() {
        String elsewhere = idOf("elsewhere");
        JsonNode plan = TestServer.json(server.get("/api/audit/repositories/" + elsewhere + "/fixes")).path("items").get(0);
        assertThat(plan.path("fix").asText()).isEqualTo("clone");
        assertThat(plan.path("possible").asBoolean()).isFalse();
        assertThat(plan.path("blocker").asText()).isEqualTo("not possible: the URL 'https://evil.example/octocat/elsewhere.git' is not "
                + github.url() + "/<owner>/<name> or git@127.0.0.1:<owner>/<name>.git");
        assertThat(plan.path("commands")).isEmpty();

        HttpResponse<String> refused = server.postJson("/api/audit/repositories/" + elsewhere + "/fixes/clone", "{\"dryRun\": false}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(TestServer.json(refused).path("detail").asText()).isEqualTo(plan.path("blocker").asText());
        assertThat(root.resolve("elsewhere")).doesNotExist();
        assertThat(temp.resolve("escape-clone")).doesNotExist();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        TestServer.json(server.get("/api/audit/repositories?limit=5000")).path("items").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private String idOf(String name) {
        return StreamSupport.stream(TestServer.json(server.get("/api/audit/repositories?limit=5000")).path("items").spliterator(), false)
                .filter(r -> r.path("name").asText().equals(name)).map(r -> r.path("id").asText()).findFirst().orElseThrow();
    }
}
