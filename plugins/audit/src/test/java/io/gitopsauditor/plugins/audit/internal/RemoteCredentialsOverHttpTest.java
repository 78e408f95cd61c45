package io.gitopsauditor.plugins.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.platform.core.testkit.WebSocketProbe;
import io.gitopsauditor.plugin.api.Scope;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials written into a clone's remote URL never leave the clone's own config: not through
 * the API, the exports, the WebSocket events, nor into the audit's database file, while the clone
 * still matches its repository on GitHub. The real server, real clones, {@link FakeGitHub}.
 */
class RemoteCredentialsOverHttpTest {
    private static final String CANARY = "s3cret-canary";
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");
    /** Every form git accepts that can carry a secret: user and password, a token as user name, ssh, scp-like. */
    private static final Map<String, String> ORIGINS = Map.of(
            "userpass", "https://alice:" + CANARY + "@github.com/octocat/userpass.git",
            "token", "https://ghp_" + CANARY + "@github.com/octocat/token.git",
            "app", "https://x-access-token:" + CANARY + "@github.com/octocat/app.git",
            "ssh", "ssh://git:" + CANARY + "@github.com/octocat/ssh.git",
            "scp", "git:" + CANARY + "@github.com:octocat/scp.git");

    @TempDir
    Path temp;
    private Path root;
    private Path data;
    private FakeGitHub github;
    private TestServer server;

    @BeforeEach
    void clonesWithSecretsInTheirRemotes() throws Exception {
        root = Files.createDirectories(temp.resolve("src"));
        data = temp.resolve("data");
        github = FakeGitHub.start().withUser(FakeGitHub.USER, ORIGINS.keySet().stream().map(FakeRepository::named).toList());
        for (Map.Entry<String, String> origin : ORIGINS.entrySet()) {
            clone(origin.getKey(), origin.getValue());
        }
        server = start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        github.close();
    }

    @Test
    void noAnswerExportEventOrDatabaseByteHoldsTheSecretAndEveryCloneStillMatchesItsRepository() throws Exception {
        List<String> events = new ArrayList<>();
        try (WebSocketProbe ws = server.webSocket()) {
            for (String channel : List.of("audit.runs", "audit.repositories", "audit.inventory")) {
                ws.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
                events.add(ws.next("subscribed").toString());
            }
            long run = runToTheEnd();
            JsonNode message;
            do {
                message = ws.next();
                events.add(message.toString());
            } while (!(message.path("channel").asText().equals("audit.runs")
                    && List.of("finished", "failed").contains(message.path("data").path("type").asText())));
            ws.send("{\"type\":\"ping\"}");
            do {
                message = ws.next();
                events.add(message.toString());
            } while (!message.path("type").asText().equals("pong"));
            assertThat(events).as("WebSocket events").noneMatch(event -> event.contains(CANARY));

            String reader = server.createToken(Scope.READ);
            List<String> answers = everyAnswer(reader, run);
            assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(CANARY));
            JsonNode items = TestServer.json(readAs(reader, "/api/audit/repositories?limit=5000")).path("items");
            assertThat(items).hasSize(ORIGINS.size()).allSatisfy(report -> {
                String name = report.path("name").asText();
                assertThat(report.path("key").asText()).as(name).isEqualTo("github.com/octocat/" + name);
                assertThat(report.path("state").asText()).as("%s still matches by its remote", name).isEqualTo("CLEAN");
            });
            JsonNode userpass = TestServer.json(readAs(reader, "/api/audit/repositories/" + idOf(items, "userpass")));
            assertThat(userpass.path("local").path("remotes").path("origin").asText())
                    .isEqualTo("https://github.com/octocat/userpass.git");
            assertThat(TestServer.json(readAs(reader, "/api/audit/repositories/" + idOf(items, "scp")))
                    .path("local").path("remotes").path("origin").asText()).isEqualTo("git@github.com:octocat/scp.git");
        }
        assertThat(databaseBytes()).as("the audit's database file and its WAL").doesNotContain(CANARY);
    }

    @Test
    void reportsStoredInClearByAnOlderVersionAreRedactedAtStart() throws Exception {
        long run = runToTheEnd();
        // What an older version stored: the remote as written in the clone's config.
        for (String table : List.of("audit_reports", "audit_current", "audit_inventory")) {
            String column = table.equals("audit_inventory") ? "subjects_json" : "report_json";
            server.platform().database().dsl().execute("UPDATE " + table + " SET " + column + " = replace(" + column
                    + ", 'https://github.com/octocat/userpass.git', '" + ORIGINS.get("userpass") + "')");
        }
        // An older version's database has never run the redaction job.
        server.platform().database().dsl().execute("DELETE FROM audit_maintenance");
        assertThat(server.platform().database().dsl().fetchValue("SELECT subjects_json FROM audit_inventory").toString())
                .as("the old rows are in clear").contains(CANARY);
        server.close();
        server = null;

        server = start();
        assertThat(everyAnswer(server.createToken(Scope.READ), run)).allSatisfy(answer -> assertThat(answer).doesNotContain(CANARY));
        JsonNode items = TestServer.json(server.get("/api/audit/repositories")).path("items");
        assertThat(TestServer.json(server.get("/api/audit/repositories/" + idOf(items, "userpass")))
                .path("local").path("remotes").path("origin").asText()).isEqualTo("https://github.com/octocat/userpass.git");
        assertThat(databaseBytes()).as("the audit's database file and its WAL").doesNotContain(CANARY);
    }

    private TestServer start() {
        return TestServer.start(data, Map.of(
                "github.api-url", github.url().toString(),
                "plugins.audit.roots", root.toString(),
                "plugins.audit.github-owners", FakeGitHub.USER,
                "plugins.audit.schedule", "off",
                "plugins.audit.watch", "false"));
    }

    /** Everything a read token can ask about the audit: the lists, each repository, the inventory, every export. */
    private List<String> everyAnswer(String reader, long run) {
        List<String> answers = new ArrayList<>();
        HttpResponse<String> page = readAs(reader, "/api/audit/repositories?limit=5000");
        answers.add(page.body());
        for (JsonNode report : TestServer.json(page).path("items")) {
            String id = report.path("id").asText();
            for (String path : List.of("", "/history", "/fixes")) {
                answers.add(readAs(reader, "/api/audit/repositories/" + id + path).body());
            }
        }
        for (String path : List.of("/api/audit/inventory", "/api/audit/summary", "/api/audit/runs",
                "/api/audit/runs/" + run + "/repositories", "/api/audit/runs/" + run + "/export?format=json",
                "/api/audit/runs/" + run + "/export?format=markdown", "/api/audit/runs/" + run + "/export?format=csv")) {
            answers.add(readAs(reader, path).body());
        }
        return answers;
    }

    private HttpResponse<String> readAs(String token, String path) {
        HttpResponse<String> response = server.anonymously(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    private long runToTheEnd() throws InterruptedException {
        HttpResponse<String> accepted = server.postJson("/api/audit/runs", "{\"mode\": \"full\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long run = TestServer.json(accepted).path("runId").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TestServer.json(server.get("/api/audit/runs/" + run)).path("status").asText().equals("running")) {
            assertThat(System.nanoTime()).as("run %d still going", run).isLessThan(deadline);
            Thread.sleep(50);
        }
        return run;
    }

    private String databaseBytes() throws Exception {
        StringBuilder bytes = new StringBuilder();
        for (String suffix : List.of("", "-wal", "-journal")) {
            Path file = data.resolve("gitops-auditor.db" + suffix);
            if (Files.exists(file)) {
                bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(bytes).as("the database file exists").isNotEmpty();
        return bytes.toString();
    }

    private static String idOf(JsonNode items, String name) {
        for (JsonNode report : items) {
            if (report.path("name").asText().equals(name)) {
                return report.path("id").asText();
            }
        }
        throw new AssertionError("no repository " + name);
    }

    /** A clone of a fresh bare repository (tracking refs as after a real clone), then pointed at {@code url}. */
    private void clone(String name, String url) throws Exception {
        Path bare = temp.resolve("remotes").resolve(name + ".git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git seed = Git.init().setInitialBranch("main").setDirectory(temp.resolve("seeds").resolve(name).toFile()).call()) {
            Files.writeString(seed.getRepository().getWorkTree().toPath().resolve("README.md"), "# " + name);
            seed.add().addFilepattern("README.md").call();
            seed.commit().setMessage("add README.md").setAuthor(ME).setCommitter(ME).setSign(false).call();
            seed.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
            seed.push().setRemote("origin").add("main").call();
        }
        try (Git clone = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(root.resolve(name).toFile()).call()) {
            // Written straight into the config: URIish would refuse or reshape some of these forms.
            var config = clone.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            config.save();
        }
    }
}
