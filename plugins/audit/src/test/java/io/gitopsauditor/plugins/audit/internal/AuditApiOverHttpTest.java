package io.gitopsauditor.plugins.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.plugin.api.Scope;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import io.gitopsauditor.plugins.audit.testing.JsonSchemaCheck;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/audit} through the real server: the kernel (platform-core's test kit boots it on a
 * random loopback port with a real SQLite file in a temporary folder) with this plugin built in, as
 * in the distribution; real repositories made on disk; GitHub played by {@link FakeGitHub} as
 * {@code github.api-url}; requests over HTTP with API tokens made the way the kernel's own tests make
 * them. Every route of docs/audit.md, its filters, its errors (problem+json, never a stack trace)
 * and its access rules.
 *
 * <p>One server for the class: the first run happens before the tests, which then go in order, from
 * reading to what changes state (runs, fixes), so that each sees a state it can predict.
 *
 * <p>The kernel runs on the class path here (the test kit needs its internals), the plugin on the
 * module path, patched with these tests; Jersey and Jackson are named modules as in production, so the
 * plugin's {@code opens} are what lets them in. Surefire opens the packages holding tests to
 * everyone, so this class sits in one whose classes the API neither calls nor writes: a missing
 * {@code opens} for the resource or its records still fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditApiOverHttpTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");
    private static final String OWNER = FakeGitHub.USER;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;
    private Path root;
    private FakeGitHub github;
    private TestServer server;
    private String readToken;
    private long firstRun;

    @BeforeAll
    void fleetAndServer() throws Exception {
        root = Files.createDirectories(temp.resolve("src"));
        Path remotes = Files.createDirectories(temp.resolve("remotes"));
        github = FakeGitHub.start().withUser(OWNER, List.of(FakeRepository.named("app"), FakeRepository.named("dirty"),
                FakeRepository.named("website"), FakeRepository.named("feature"), FakeRepository.named("stashed"),
                FakeRepository.named("tools"), FakeRepository.named("old").asArchived(), FakeRepository.named("dotfiles"),
                FakeRepository.named("ghost")));
        // Clones the clone fix can make without a network, from the fake's own origin (the only one it accepts
        // when github.api-url is the fake): one it serves over HTTP, one it does not have.
        github.withGitRepository(OWNER, "dotfiles", bareWithOneCommit(remotes, "dotfiles"));
        github.withCloneUrl(OWNER, "ghost", github.url() + "/octocat/ghost.git");
        // The set-remote fix points origin at the fake too, for the same reason.
        github.withCloneUrl(OWNER, "tools", github.url() + "/octocat/tools.git");

        clone("app", "https://github.com/octocat/app.git").close();
        try (Git dirty = clone("dirty", "https://github.com/octocat/dirty.git")) {
            Files.writeString(root.resolve("dirty/README.md"), "edited, not committed");
            Files.writeString(root.resolve("dirty/new.txt"), "untracked");
        }
        try (Git website = clone("website", "git@github.com:octocat/website.git")) {
            commit(website, "page.html", "not pushed yet");
        }
        try (Git feature = clone("feature", "https://github.com/octocat/feature.git")) {
            feature.checkout().setCreateBranch(true).setName("experiment").call();
            commit(feature, "idea.txt", "only on a local branch");
            feature.checkout().setName("main").call();
        }
        try (Git stashed = clone("stashed", "https://github.com/octocat/stashed.git")) {
            Files.writeString(root.resolve("stashed/README.md"), "put aside");
            stashed.stashCreate().setPerson(ME).call();
        }
        try (Git notes = Git.init().setInitialBranch("main").setDirectory(root.resolve("notes").toFile()).call()) {
            commit(notes, "todo.txt", "only here");
        }
        clone("elsewhere", "https://gitlab.com/me/elsewhere.git").close();
        clone("tools", "https://github.com/someone-else/tools.git").close();
        clone("old", "https://github.com/octocat/old.git").close();
        clone("corrupt", "https://github.com/octocat/corrupt.git").close();
        Files.writeString(root.resolve("corrupt/.git/HEAD"), "garbage\n");

        server = TestServer.start(temp.resolve("data"), Map.of(
                "github.api-url", github.url().toString(),
                // The clone fix reaches the local bare upstreams only because this folder is allowed.
                "git.local-remotes", remotes.toString(),
                "plugins.audit.roots", root.toString(),
                "plugins.audit.github-owners", OWNER,
                // Runs only when asked, and no watcher: each test sees the state the runs left.
                "plugins.audit.schedule", "off",
                "plugins.audit.watch", "false"));
        readToken = server.createToken(Scope.READ);

        JsonNode before = json(ok(server.get("/api/audit/summary")));
        assertThat(before.has("current")).as("no state before the first run: %s", before).isFalse();
        assertThat(before.has("lastRun")).isFalse();
        firstRun = startRun("{\"mode\": \"full\"}");
        assertThat(awaitRun(firstRun).path("status").asText()).isEqualTo("finished");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (github != null) {
            github.close();
        }
    }

    // --- Access ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void withoutACredentialEveryRouteIs401() {
        for (HttpRequest.Builder request : List.of(
                HttpRequest.newBuilder(server.uri("/api/audit/summary")).GET(),
                HttpRequest.newBuilder(server.uri("/api/audit/repositories/000000000000")).GET(),
                HttpRequest.newBuilder(server.uri("/api/audit/runs")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                HttpRequest.newBuilder(server.uri("/api/audit/summary")).header("Authorization", "Bearer gat_not-a-token").GET())) {
            HttpResponse<String> response = alone(request);
            JsonNode problem = problem(response, 401);
            assertThat(problem.path("detail").asText()).isEqualTo("Log in, or send an API token as 'Authorization: Bearer <token>'.");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gitops-auditor\"");
        }
    }

    @Test
    @Order(2)
    void aReadTokenReadsButCannotStartRunsOrFixes() {
        assertThat(withToken(readToken, HttpRequest.newBuilder(server.uri("/api/audit/summary")).GET()).statusCode()).isEqualTo(200);
        assertThat(withToken(readToken, HttpRequest.newBuilder(server.uri("/api/audit/runs/" + firstRun + "/export?format=csv")).GET())
                .statusCode()).isEqualTo(200);
        for (String path : List.of("/api/audit/runs", "/api/audit/repositories/" + idOf("tools") + "/fixes/set-remote")) {
            HttpResponse<String> refused = alone(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + readToken)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\": false}")));
            assertThat(problem(refused, 403).path("detail").asText())
                    .isEqualTo("This token may only read; this request would change something.");
        }
        assertThat(json(ok(server.get("/api/audit/runs"))).path("total").asInt()).as("no run was started").isEqualTo(1);
        assertThat(json(ok(server.get("/api/audit/fixes"))).path("total").asInt()).as("no fix was recorded").isZero();
    }

    // --- The current state -----------------------------------------------------------------------------

    @Test
    @Order(10)
    void summaryCountsTheFleetAndSaysWhatIsAudited() {
        JsonNode summary = json(ok(server.get("/api/audit/summary")));
        JsonNode current = summary.path("current");
        assertThat(current.path("repositories").asInt()).isEqualTo(12);
        assertThat(current.path("health").asText()).isEqualTo("critical");
        assertThat(current.path("byState")).isEqualTo(json("""
                {"BROKEN": 1, "MISSING": 2, "AT_RISK": 5, "DRIFTED": 2, "LOCAL_ONLY": 1, "UNKNOWN": 0, "CLEAN": 1}"""));
        assertThat(current.path("atRisk").asInt()).isEqualTo(5);
        assertThat(current.path("sources")).extracting(s -> s.path("id").asText() + " " + s.path("state").asText())
                .containsExactlyInAnyOrder("local:" + root + " OK", "github:octocat OK");
        assertThat(summary.path("updatedAt").asText()).isNotEmpty();
        assertThat(summary.has("running")).isFalse();
        assertThat(summary.path("lastRun").path("id").asLong()).isEqualTo(firstRun);
        assertThat(summary.path("lastRun").path("status").asText()).isEqualTo("finished");
        assertThat(summary.path("settings")).isEqualTo(json("""
                {"roots": ["%s"], "githubOwners": ["octocat"], "depth": 3, "schedule": "off", "watch": false, "cloneRoot": "%s"}"""
                .formatted(root, root)));
    }

    @Test
    @Order(11)
    void everyKindOfCloneGetsItsState() {
        Map<String, String> expected = Map.ofEntries(Map.entry("app", "CLEAN"), Map.entry("dirty", "AT_RISK"),
                Map.entry("website", "AT_RISK"), Map.entry("feature", "AT_RISK"), Map.entry("stashed", "AT_RISK"),
                Map.entry("notes", "AT_RISK"), Map.entry("elsewhere", "LOCAL_ONLY"), Map.entry("tools", "DRIFTED"),
                Map.entry("old", "DRIFTED"), Map.entry("corrupt", "BROKEN"), Map.entry("dotfiles", "MISSING"),
                Map.entry("ghost", "MISSING"));
        Map<String, List<String>> types = Map.ofEntries(Map.entry("app", List.of()),
                Map.entry("dirty", List.of("UNCOMMITTED_CHANGES")), Map.entry("website", List.of("UNPUSHED_COMMITS")),
                Map.entry("feature", List.of("UNPUSHED_BRANCH")), Map.entry("stashed", List.of("STASHES")),
                Map.entry("notes", List.of("NO_REMOTE")), Map.entry("elsewhere", List.of("LOCAL_ONLY")),
                Map.entry("tools", List.of("REMOTE_MISMATCH")), Map.entry("old", List.of("ARCHIVED_UPSTREAM")),
                Map.entry("corrupt", List.of("UNREADABLE")), Map.entry("dotfiles", List.of("MISSING")),
                Map.entry("ghost", List.of("MISSING")));
        JsonNode page = json(ok(server.get("/api/audit/repositories?limit=5000")));
        assertThat(page.path("total").asInt()).isEqualTo(12);
        for (JsonNode report : page.path("items")) {
            String name = report.path("name").asText();
            assertThat(report.path("state").asText()).as(name).isEqualTo(expected.get(name));
            assertThat(types(report)).as(name).containsExactlyElementsOf(types.get(name));
        }
        assertThat(names(page)).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    @Order(12)
    void repositoriesFilterSortSearchAndPage() {
        JsonNode all = json(ok(server.get("/api/audit/repositories")));
        assertThat(all.path("total").asInt()).isEqualTo(12);
        assertThat(all.path("offset").asInt()).isZero();
        assertThat(all.path("limit").asInt()).as("the platform's default page").isEqualTo(50);
        assertThat(all.path("sort").asText()).isEqualTo("-risk,name");
        assertThat(all.path("items").get(0).path("risk").path("level").asText()).as("default sort: risk, worst first").isEqualTo("HIGH");

        assertThat(names(page("state=at-risk"))).containsExactlyInAnyOrder("dirty", "website", "feature", "stashed", "notes");
        assertThat(names(page("state=broken,missing"))).containsExactlyInAnyOrder("corrupt", "dotfiles", "ghost");
        assertThat(names(page("state=broken&state=MISSING"))).containsExactlyInAnyOrder("corrupt", "dotfiles", "ghost");
        assertThat(names(page("severity=high"))).containsExactlyInAnyOrder("website", "feature", "notes", "corrupt");
        assertThat(names(page("risk=high"))).containsExactlyInAnyOrder("website", "feature", "notes");
        assertThat(names(page("risk=medium"))).containsExactlyInAnyOrder("dirty", "stashed");
        assertThat(names(page("source=github:octocat"))).containsExactlyInAnyOrder("app", "dirty", "website", "feature",
                "stashed", "tools", "old", "dotfiles", "ghost");
        assertThat(names(page("q=WEB"))).containsExactly("website");
        assertThat(names(page("q=" + URLEncoder.encode("127.0.0.1/octocat/too", StandardCharsets.UTF_8)))).containsExactly("tools");
        assertThat(names(page("state=clean&q=website"))).isEmpty();

        assertThat(names(page("sort=name&limit=5"))).containsExactly("app", "corrupt", "dirty", "dotfiles", "elsewhere");
        JsonNode second = page("sort=name&limit=5&offset=5");
        assertThat(names(second)).containsExactly("feature", "ghost", "notes", "old", "stashed");
        assertThat(second.path("total").asInt()).isEqualTo(12);
        assertThat(second.path("offset").asInt()).isEqualTo(5);
        assertThat(second.path("limit").asInt()).isEqualTo(5);
        assertThat(names(page("sort=name&limit=5&offset=10"))).containsExactly("tools", "website");
        assertThat(names(page("sort=name&offset=50"))).isEmpty();
        assertThat(names(page("sort=-name&limit=1"))).containsExactly("website");
        assertThat(names(page("sort=name"))).as("name sorts ascending by default").startsWith("app");
        for (String sort : List.of("state", "severity", "risk", "last-commit", "findings")) {
            assertThat(page("sort=" + sort).path("total").asInt()).as(sort).isEqualTo(12);
            assertThat(page("sort=-" + sort + ",name").path("sort").asText()).as(sort).isEqualTo("-" + sort + ",name");
        }
        assertThat(names(page("sort=-state&limit=1"))).as("state sorts worst first").containsExactly("corrupt");
        assertThat(names(page("sort=-risk,-name&limit=3"))).as("ties in the first key are ordered by the second")
                .containsExactly("website", "notes", "feature");
    }

    @Test
    @Order(13)
    void badQueryParametersAreReadable400s() {
        Map<String, String> detailOf = Map.ofEntries(
                Map.entry("state=shiny", "state must be among broken, missing, at-risk, drifted, local-only, unknown, clean, got 'shiny'"),
                Map.entry("state=clean,,nope", "state must be among broken, missing, at-risk, drifted, local-only, unknown, clean, got 'nope'"),
                Map.entry("severity=urgent", "unknown severity 'urgent'; use info, low, medium or high"),
                Map.entry("risk=extreme", "risk must be among none, medium, high, got 'extreme'"),
                Map.entry("sort=size", "sort must be a comma-separated list of name, state, severity, risk, last-commit, findings"
                        + " (a leading - sorts descending), got 'size'"),
                Map.entry("sort=name,-name", "sort names 'name' twice in 'name,-name'"),
                Map.entry("sort=name&order=desc", "order is no longer accepted: sort=-field sorts descending, e.g. sort=-name"),
                Map.entry("limit=0", "limit must be a whole number from 1 to 5000, got '0'"),
                Map.entry("limit=5001", "limit must be a whole number from 1 to 5000, got '5001'"),
                Map.entry("offset=-1", "offset must be a whole number 0 or more, got '-1'"),
                Map.entry("limit=ten", "limit must be a whole number from 1 to 5000, got 'ten'"),
                Map.entry("offset=1.5", "offset must be a whole number 0 or more, got '1.5'"));
        detailOf.forEach((query, detail) -> {
            JsonNode problem = problem(server.get("/api/audit/repositories?" + query), 400);
            assertThat(problem.path("title").asText()).as(query).isEqualTo("Invalid input");
            assertThat(problem.path("detail").asText()).as(query).isEqualTo(detail);
        });
        String id = idOf("website");
        Map<String, String> elsewhere = Map.of(
                "/api/audit/runs/" + firstRun + "/repositories?risk=severe", "risk must be among none, medium, high, got 'severe'",
                "/api/audit/repositories/" + id + "/history?limit=0", "limit must be a whole number from 1 to 1000, got '0'",
                "/api/audit/fixes?limit=1001", "limit must be a whole number from 1 to 1000, got '1001'",
                "/api/audit/runs?sort=-size", "sort must be a comma-separated list of id, startedAt, status"
                        + " (a leading - sorts descending), got '-size'",
                "/api/audit/runs?offset=-3", "offset must be a whole number 0 or more, got '-3'",
                "/api/audit/runs/" + firstRun + "/diff?against=yesterday", "The query parameter 'against' has a value of the wrong type.");
        elsewhere.forEach((path, detail) -> assertThat(problem(server.get(path), 400).path("detail").asText()).as(path).isEqualTo(detail));
    }

    @Test
    @Order(14)
    void oneRepositoryItsHistoryAndItsFixes() {
        String id = idOf("website");
        JsonNode website = json(ok(server.get("/api/audit/repositories/" + id)));
        assertThat(website.path("id").asText()).isEqualTo(id).matches("[0-9a-f]{12}");
        assertThat(website.path("key").asText()).isEqualTo("github.com/octocat/website");
        assertThat(website.path("severity").asText()).isEqualTo("HIGH");
        assertThat(website.path("risk").path("level").asText()).isEqualTo("HIGH");
        assertThat(website.path("findings").get(0).path("message").asText()).isEqualTo("1 commit on main is not on origin/main.");
        JsonNode local = website.path("local");
        assertThat(local.path("path").asText()).isEqualTo(root.resolve("website").toString());
        assertThat(local.path("kind").asText()).isEqualTo("WORKING_TREE");
        assertThat(local.path("headBranch").asText()).isEqualTo("main");
        assertThat(local.path("branches").get(0).path("name").asText()).isEqualTo("main");
        assertThat(local.path("branches").get(0).path("ahead").asInt()).isEqualTo(1);
        assertThat(local.path("remotes").path("origin").asText()).isEqualTo("git@github.com:octocat/website.git");
        assertThat(website.path("hosted").path("owner").asText()).isEqualTo("octocat");
        assertThat(website.path("hosted").path("name").asText()).isEqualTo("website");
        assertThat(website.path("sourceIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder("local:" + root, "github:octocat");

        JsonNode historyPage = json(ok(server.get("/api/audit/repositories/" + id + "/history")));
        assertThat(historyPage.path("total").asInt()).isEqualTo(1);
        assertThat(historyPage.path("sort").asText()).isEqualTo("-runId");
        JsonNode history = historyPage.path("items");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("runId").asLong()).isEqualTo(firstRun);
        assertThat(history.get(0).path("state").asText()).isEqualTo("AT_RISK");
        assertThat(history.get(0).path("types")).extracting(JsonNode::asText).containsExactly("UNPUSHED_COMMITS");

        assertThat(json(ok(server.get("/api/audit/repositories/" + id + "/fixes"))).path("items")).isEmpty();
        JsonNode setRemote = json(ok(server.get("/api/audit/repositories/" + idOf("tools") + "/fixes"))).path("items");
        assertThat(setRemote).hasSize(1);
        assertThat(setRemote.get(0).path("fix").asText()).isEqualTo("set-remote");
        assertThat(setRemote.get(0).path("possible").asBoolean()).isTrue();
        assertThat(setRemote.get(0).path("commands")).extracting(JsonNode::asText).containsExactly(
                "git -C '" + root.resolve("tools") + "' remote set-url -- origin '" + github.url() + "/octocat/tools.git'");
        JsonNode clone = json(ok(server.get("/api/audit/repositories/" + idOf("dotfiles") + "/fixes"))).path("items");
        assertThat(clone).extracting(f -> f.path("fix").asText()).containsExactly("clone");
        assertThat(clone.get(0).path("commands").get(0).asText())
                .isEqualTo("git clone -- '" + github.url() + "/octocat/dotfiles.git' '" + root.resolve("dotfiles") + "'");
    }

    @Test
    @Order(15)
    void anUnknownRepositoryIs404Everywhere() {
        String detail = "No repository with id '000000000000' in the current audit; GET /api/audit/repositories lists them.";
        for (String path : List.of("/api/audit/repositories/000000000000", "/api/audit/repositories/000000000000/history",
                "/api/audit/repositories/000000000000/fixes")) {
            assertThat(problem(server.get(path), 404).path("detail").asText()).as(path).isEqualTo(detail);
        }
        assertThat(problem(server.postJson("/api/audit/repositories/000000000000/fixes/clone", "{}"), 404).path("detail").asText())
                .isEqualTo(detail);
        assertThat(problem(server.get("/api/audit/repositories/%2E%2E%2Fetc"), 400).path("detail").asText())
                .as("Jetty refuses an encoded path traversal before any route").isEqualTo("The request is malformed.");
    }

    @Test
    @Order(16)
    void theInventoryListsEveryEntryAndSource() {
        JsonNode inventory = json(ok(server.get("/api/audit/inventory")));
        assertThat(inventory.path("takenAt").asText()).isNotEmpty();
        assertThat(inventory.path("sources")).hasSize(2);
        JsonNode entries = inventory.path("entries");
        assertThat(entries).hasSize(12);
        JsonNode dotfiles = StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.path("key").asText().equals("127.0.0.1/octocat/dotfiles")).findFirst().orElseThrow();
        assertThat(dotfiles.has("local")).isFalse();
        assertThat(dotfiles.path("hosted").path("name").asText()).isEqualTo("dotfiles");
        JsonNode notes = StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.path("name").asText().equals("notes")).findFirst().orElseThrow();
        assertThat(notes.path("local").path("path").asText()).isEqualTo(root.resolve("notes").toString());
        assertThat(notes.has("hosted")).isFalse();
    }

    // --- Runs --------------------------------------------------------------------------------------------

    @Test
    @Order(20)
    void runsAreListedAndReadOneByOne() {
        JsonNode runs = json(ok(server.get("/api/audit/runs")));
        assertThat(runs.path("total").asInt()).isEqualTo(1);
        JsonNode run = runs.path("items").get(0);
        assertThat(run.path("id").asLong()).isEqualTo(firstRun);
        assertThat(run.path("trigger").asText()).isEqualTo("manual");
        assertThat(run.path("mode").asText()).isEqualTo("full");
        assertThat(run.path("status").asText()).isEqualTo("finished");
        assertThat(run.path("repositories").asInt()).isEqualTo(12);
        assertThat(json(ok(server.get("/api/audit/runs/" + firstRun)))).isEqualTo(run);
        assertThat(json(ok(server.get("/api/audit/runs?offset=1"))).path("items")).isEmpty();
        assertThat(names(json(ok(server.get("/api/audit/runs/" + firstRun + "/repositories?state=missing")))))
                .containsExactlyInAnyOrder("dotfiles", "ghost");

        assertThat(problem(server.get("/api/audit/runs/999"), 404).path("detail").asText())
                .isEqualTo("No audit run 999; GET /api/audit/runs lists them.");
        for (String path : List.of("/api/audit/runs/999/diff", "/api/audit/runs/999/export", "/api/audit/runs/999/repositories")) {
            assertThat(problem(server.get(path), 404).path("detail").asText()).as(path).isEqualTo("No audit run 999; GET /api/audit/runs lists them.");
        }
        assertThat(problem(server.get("/api/audit/runs/latest"), 404).path("detail").asText())
                .isEqualTo("There is nothing at /api/audit/runs/latest.");
        assertThat(problem(server.get("/api/audit/runs/" + firstRun + "/diff"), 400).path("detail").asText())
                .isEqualTo("Run " + firstRun + " is the first finished run: there is nothing to compare it with.");
    }

    @Test
    @Order(21)
    void exportsInEveryFormat() {
        HttpResponse<String> json = ok(server.get("/api/audit/runs/" + firstRun + "/export?format=json"));
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit-run-" + firstRun + ".json\"");
        JsonNode export = json(json);
        assertThat(JsonSchemaCheck.auditRunV1().violations(export)).isEmpty();
        assertThat(export.path("run").path("id").asLong()).isEqualTo(firstRun);
        assertThat(export.path("repositories")).hasSize(12);
        assertThat(json(ok(server.get("/api/audit/runs/" + firstRun + "/export")))).as("json is the default").isEqualTo(export);

        HttpResponse<String> markdown = ok(server.get("/api/audit/runs/" + firstRun + "/export?format=markdown"));
        assertThat(markdown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/markdown"));
        assertThat(markdown.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit-run-" + firstRun + ".md\"");
        assertThat(markdown.body()).contains("| Repository | State | Risk | Findings |").contains("website");

        HttpResponse<String> csv = ok(server.get("/api/audit/runs/" + firstRun + "/export?format=csv"));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("repository,key,state,risk,severity,finding,message");
        assertThat(lines).hasSize(1 + 12).anySatisfy(line -> assertThat(line).startsWith("website,github.com/octocat/website,"));

        for (String format : List.of("xml", "JSON", "")) {
            assertThat(problem(server.get("/api/audit/runs/" + firstRun + "/export?format=" + format), 400).path("detail").asText())
                    .as(format).isEqualTo("format must be one of json, markdown, csv, got '" + format + "'");
        }
        HttpResponse<String> refusedAsCsv = server.send(HttpRequest.newBuilder(server.uri("/api/audit/runs/" + firstRun
                + "/export?format=xml")).header("Accept", "text/csv").GET());
        assertThat(problem(refusedAsCsv, 400).path("detail").asText()).startsWith("format must be one of");
    }

    @Test
    @Order(22)
    void startingARunTakesAModeAndRefusesAnythingElse() {
        assertThat(problem(server.postJson("/api/audit/runs", "{\"mode\": \"quick\"}"), 400).path("detail").asText())
                .isEqualTo("mode must be full or changed, got 'quick'");
        assertThat(problem(server.postJson("/api/audit/runs", "{\"mode\": "), 400).path("title").asText()).isEqualTo("Invalid JSON");
        assertThat(problem(server.postJson("/api/audit/runs", "{\"mood\": \"full\"}"), 400).path("detail").asText())
                .isEqualTo("Unknown field 'mood'.");
        assertThat(problem(alone(HttpRequest.newBuilder(server.uri("/api/audit/runs")).header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("full"))), 415).path("title").asText())
                .isEqualTo("Unsupported Media Type");
        assertThat(json(ok(server.get("/api/audit/runs"))).path("total").asInt()).as("none of them started a run").isEqualTo(1);
    }

    @Test
    @Order(23)
    void aChangedRunRereadsClonesWithoutAskingGitHubAndDiffsAgainstTheLastOne() throws Exception {
        Path scratch = root.resolve("app/scratch.txt");
        Files.writeString(scratch, "work in progress");
        int gitHubRequests = github.requests().size();

        HttpResponse<String> accepted = server.postJson("/api/audit/runs", "{\"mode\": \"changed\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode started = json(accepted);
        long run = started.path("runId").asLong();
        assertThat(started.path("mode").asText()).isEqualTo("changed");
        assertThat(started.path("trigger").asText()).isEqualTo("manual");
        assertThat(accepted.headers().firstValue("Location")).hasValue(server.uri("/api/audit/runs/" + run).toString());
        JsonNode finished = awaitRun(run);
        assertThat(finished.path("status").asText()).isEqualTo("finished");
        assertThat(finished.path("mode").asText()).isEqualTo("changed");
        assertThat(github.requests()).as("a changed run lists no source").hasSize(gitHubRequests);

        JsonNode diff = json(ok(server.get("/api/audit/runs/" + run + "/diff")));
        assertThat(diff.path("from").asLong()).isEqualTo(firstRun);
        assertThat(diff.path("to").asLong()).isEqualTo(run);
        assertThat(diff.path("added")).isEmpty();
        assertThat(diff.path("removed")).isEmpty();
        assertThat(diff.path("changed")).hasSize(1);
        JsonNode app = diff.path("changed").get(0);
        assertThat(app.path("name").asText()).isEqualTo("app");
        assertThat(app.path("stateBefore").asText()).isEqualTo("CLEAN");
        assertThat(app.path("stateAfter").asText()).isEqualTo("AT_RISK");
        assertThat(app.path("appeared")).extracting(f -> f.path("type").asText()).containsExactly("UNCOMMITTED_CHANGES");
        assertThat(app.path("resolved")).isEmpty();
        assertThat(json(ok(server.get("/api/audit/runs/" + run + "/diff?against=" + firstRun)))).isEqualTo(diff);
        assertThat(problem(server.get("/api/audit/runs/" + run + "/diff?against=999"), 404).path("detail").asText())
                .isEqualTo("No audit run 999; GET /api/audit/runs lists them.");

        JsonNode runs = json(ok(server.get("/api/audit/runs")));
        assertThat(runs.path("total").asInt()).isEqualTo(2);
        assertThat(runs.path("items")).extracting(r -> r.path("id").asLong()).as("newest first").containsExactly(run, firstRun);
        assertThat(json(ok(server.get("/api/audit/repositories/" + idOf("app") + "/history"))).path("items")).hasSize(2);
        Files.delete(scratch);
    }

    @Test
    @Order(24)
    void aSecondRunWhileOneIsGoingIs409() {
        // GitHub answering slowly keeps the run going long enough to ask again.
        github.delayOn("/users/octocat/repos", Duration.ofSeconds(3));
        try {
            // No body at all is a full run too, as are {} and null.
            HttpResponse<String> accepted = server.post("/api/audit/runs", "application/json", "");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            long run = json(accepted).path("runId").asLong();
            assertThat(json(accepted).path("mode").asText()).as("full is the default").isEqualTo("full");

            for (String body : List.of("{\"mode\": \"full\"}", "{\"mode\": \"changed\"}", "{}", "null")) {
                JsonNode conflict = problem(server.postJson("/api/audit/runs", body), 409);
                assertThat(conflict.path("title").asText()).isEqualTo("Conflict");
                assertThat(conflict.path("detail").asText()).startsWith("Audit run " + run + " is still going (")
                        .endsWith("); wait for it to finish.");
            }
            JsonNode summary = json(ok(server.get("/api/audit/summary")));
            assertThat(summary.path("running").path("runId").asLong()).isEqualTo(run);
            assertThat(json(ok(server.get("/api/audit/runs/" + run))).path("status").asText()).isEqualTo("running");

            assertThat(awaitRun(run).path("status").asText()).isEqualTo("finished");
        } finally {
            github.clearFailures();
        }
        assertThat(json(ok(server.get("/api/audit/runs"))).path("total").asInt()).as("the refused ones left no trace").isEqualTo(3);
        assertThat(json(ok(server.get("/api/audit/summary"))).path("current").path("byState").path("CLEAN").asInt())
                .as("app is clean again").isEqualTo(1);
    }

    @Test
    @Order(25)
    void anAuditRunIsAPlatformJobWithProgressAndAnOutcomeLinkingToTheRun() throws Exception {
        github.delayOn("/users/octocat/repos", Duration.ofSeconds(1));
        try {
            HttpResponse<String> accepted = server.postJson("/api/audit/runs", "{}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            long run = json(accepted).path("runId").asLong();
            String jobId = json(accepted).path("jobId").asText();
            assertThat(jobId).isNotEmpty();

            JsonNode job = json(ok(server.get("/api/platform/jobs/" + jobId)));
            assertThat(job.path("plugin").asText()).isEqualTo("audit");
            assertThat(job.path("kind").asText()).isEqualTo("audit.run");
            assertThat(job.path("key").asText()).isEqualTo("audit.run");
            assertThat(job.path("subject").asText()).isEqualTo("All repositories");
            assertThat(job.path("startedBy").asText()).isEqualTo("token:test-admin");
            assertThat(job.path("state").asText()).isIn("queued", "running");
            assertThat(json(ok(server.get("/api/audit/summary"))).path("running").path("jobId").asText()).isEqualTo(jobId);

            JsonNode finished = awaitRun(run);
            JsonNode ended = awaitJob(jobId, "succeeded");
            assertThat(ended.path("outcome").asText()).isEqualTo("Audit #" + run + ": " + finished.path("atRisk").asInt() + " at risk");
            assertThat(ended.path("link").asText()).isEqualTo("/audit/runs/" + run);
            int repositories = finished.path("repositories").asInt();
            assertThat(ended.path("progress").path("done").asInt()).isEqualTo(repositories);
            assertThat(ended.path("progress").path("total").asInt()).isEqualTo(repositories);
            assertThat(ended.path("progress").path("message").asText()).startsWith("Checked ");
        } finally {
            github.clearFailures();
        }
    }

    @Test
    @Order(26)
    void cancellingTheAuditJobStopsTheRunAndRecordsItCancelled() throws Exception {
        // GitHub answering slowly keeps the run in its listing long enough to cancel it.
        github.delayOn("/users/octocat/repos", Duration.ofSeconds(3));
        try {
            HttpResponse<String> accepted = server.postJson("/api/audit/runs", "{}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            long run = json(accepted).path("runId").asLong();
            String jobId = json(accepted).path("jobId").asText();
            awaitJob(jobId, "running");

            assertThat(server.postJson("/api/platform/jobs/" + jobId + "/cancel", "").statusCode()).isEqualTo(200);
            JsonNode job = awaitJob(jobId, "cancelled");
            assertThat(job.path("outcome").asText()).isEqualTo("Cancelled.");
            JsonNode stopped = awaitRun(run);
            assertThat(stopped.path("status").asText()).isEqualTo("cancelled");
            assertThat(stopped.path("error").asText()).isEqualTo("the run was cancelled");
            assertThat(json(ok(server.get("/api/audit/summary"))).has("running")).as("no run is going any more").isFalse();
        } finally {
            github.clearFailures();
        }
        long next = startRun("{}");
        assertThat(awaitRun(next).path("status").asText()).as("the key is free again").isEqualTo("finished");
    }

    // --- Fixes -------------------------------------------------------------------------------------------

    @Test
    @Order(30)
    void aFixIsADryRunUnlessToldOtherwise() throws Exception {
        String tools = idOf("tools");
        for (String body : List.of("{}", "{\"dryRun\": true}", "{\"dryRun\": null}")) {
            HttpResponse<String> preview = server.postJson("/api/audit/repositories/" + tools + "/fixes/set-remote", body);
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            JsonNode record = json(preview);
            assertThat(record.path("dryRun").asBoolean()).isTrue();
            assertThat(record.path("outcome").asText()).isEqualTo("previewed");
            assertThat(record.path("message").asText()).isEqualTo("Would run: git -C '" + root.resolve("tools")
                    + "' remote set-url -- origin '" + github.url() + "/octocat/tools.git'");
        }
        assertThat(origin("tools")).as("a preview changes nothing").isEqualTo("https://github.com/someone-else/tools.git");
        assertThat(problem(server.postJson("/api/audit/repositories/" + idOf("app") + "/fixes/clone", "{}"), 400)
                .path("detail").asText()).isEqualTo("The fix 'clone' is not offered for app; GET /api/audit/repositories/"
                        + idOf("app") + "/fixes lists those that are.");
        assertThat(problem(server.postJson("/api/audit/repositories/" + tools + "/fixes/reset-hard", "{\"dryRun\": false}"), 400)
                .path("detail").asText()).startsWith("The fix 'reset-hard' is not offered for tools;");
        assertThat(problem(server.postJson("/api/audit/repositories/" + tools + "/fixes/set-remote", "{\"dryRun\": \"no\"}"), 400)
                .path("title").asText()).isEqualTo("Invalid JSON");
    }

    @Test
    @Order(31)
    void settingAMismatchedRemoteRunsAndRereadsTheClone() throws Exception {
        String tools = idOf("tools");
        assertThat(runFix(tools, "set-remote").path("message").asText()).isEqualTo("origin now points to " + github.url() + "/octocat/tools.git.");
        assertThat(origin("tools")).isEqualTo(github.url() + "/octocat/tools.git");

        JsonNode after = json(ok(server.get("/api/audit/repositories/" + tools)));
        assertThat(after.path("state").asText()).as("re-read at once, without a run").isEqualTo("CLEAN");
        assertThat(types(after)).isEmpty();
        assertThat(json(ok(server.get("/api/audit/repositories/" + tools + "/fixes"))).path("items")).isEmpty();
    }

    @Test
    @Order(32)
    void cloningAMissingRepositoryRunsAndAFullRunFollows() throws Exception {
        String dotfiles = idOf("dotfiles");
        assertThat(runFix(dotfiles, "clone").path("message").asText()).isEqualTo("Cloned octocat/dotfiles into " + root.resolve("dotfiles") + ".");
        assertThat(root.resolve("dotfiles/README.md")).hasContent("# dotfiles");

        JsonNode fixRun = json(ok(server.get("/api/audit/runs?limit=1"))).path("items").get(0);
        assertThat(fixRun.path("trigger").asText()).isEqualTo("fix");
        assertThat(awaitRun(fixRun.path("id").asLong()).path("status").asText()).isEqualTo("finished");
        JsonNode cloned = StreamSupport.stream(json(ok(server.get("/api/audit/repositories?q=dotfiles"))).path("items").spliterator(), false)
                .filter(r -> r.path("name").asText().equals("dotfiles")).findFirst().orElseThrow();
        assertThat(cloned.path("local").path("path").asText()).isEqualTo(root.resolve("dotfiles").toString());
        assertThat(types(cloned)).doesNotContain("MISSING");
    }

    @Test
    @Order(33)
    void aFixThatFailsIs422WithTheReasonAndLeavesNothingBehind() {
        String ghost = idOf("ghost");
        JsonNode problem = problem(server.postJson("/api/audit/repositories/" + ghost + "/fixes/clone", "{\"dryRun\": false}"), 422);
        assertThat(problem.path("title").asText()).isEqualTo("Fix failed");
        assertThat(problem.path("detail").asText()).startsWith("clone failed: ");
        assertThat(root.resolve("ghost")).as("no half-made clone is left").doesNotExist();
        assertThat(json(ok(server.get("/api/audit/repositories/" + ghost + "/fixes"))).path("items").get(0).path("possible").asBoolean())
                .as("so the fix can be tried again").isTrue();
    }

    @Test
    @Order(34)
    void everyFixCallIsInTheLog() {
        JsonNode page = json(ok(server.get("/api/audit/fixes")));
        assertThat(page.path("total").asInt()).isEqualTo(6);
        JsonNode log = page.path("items");
        assertThat(log).extracting(f -> f.path("fix").asText() + " " + f.path("outcome").asText() + " " + f.path("dryRun").asBoolean())
                .as("newest first").containsExactly("clone failed false", "clone done false", "set-remote done false",
                        "set-remote previewed true", "set-remote previewed true", "set-remote previewed true");
        assertThat(log.get(0).path("message").asText()).startsWith("clone failed: ");
        assertThat(log.get(0).path("commands").get(0).asText()).startsWith("git clone -- '" + github.url());
        assertThat(log.get(0).path("at").asText()).isNotEmpty();

        String tools = idOf("tools");
        JsonNode toolsOnly = json(ok(server.get("/api/audit/fixes?repository=" + tools)));
        assertThat(toolsOnly.path("total").asInt()).as("counted in SQL with the filter").isEqualTo(4);
        assertThat(toolsOnly.path("items")).hasSize(4).allSatisfy(f -> assertThat(f.path("repoId").asText()).isEqualTo(tools));
        JsonNode oldestTwo = json(ok(server.get("/api/audit/fixes?limit=2&offset=1&sort=id")));
        assertThat(oldestTwo.path("items")).extracting(f -> f.path("outcome").asText()).containsExactly("previewed", "previewed");
        assertThat(oldestTwo.path("total").asInt()).isEqualTo(6);
        assertThat(oldestTwo.path("sort").asText()).isEqualTo("id");
        assertThat(json(ok(server.get("/api/audit/fixes?sort=fix,-id"))).path("items").get(0).path("outcome").asText())
                .as("clone sorts before set-remote, newest clone first").isEqualTo("failed");
        assertThat(json(ok(server.get("/api/audit/fixes?repository=000000000000"))).path("items")).isEmpty();
    }

    // --- Helpers -----------------------------------------------------------------------------------------

    private long startRun(String body) {
        HttpResponse<String> accepted = server.postJson("/api/audit/runs", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return json(accepted).path("runId").asLong();
    }

    /** Polls the run until it is no longer running; fails after {@link #RUN_TIMEOUT}. */
    private JsonNode awaitRun(long run) {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (true) {
            JsonNode summary = json(ok(server.get("/api/audit/runs/" + run)));
            if (!summary.path("status").asText().equals("running")) {
                return summary;
            }
            assertThat(System.nanoTime()).as("run %d still going after %s", run, RUN_TIMEOUT).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Polls the platform's job until it is in {@code state}; fails after {@link #RUN_TIMEOUT}. */
    private JsonNode awaitJob(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (true) {
            JsonNode job = json(ok(server.get("/api/platform/jobs/" + id)));
            if (job.path("state").asText().equals(state)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s not %s after %s: %s", id, state, RUN_TIMEOUT, job).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> withToken(String token, HttpRequest.Builder request) {
        return server.anonymously(request.header("Authorization", "Bearer " + token));
    }

    /**
     * Sends on a connection of its own, closed afterwards. For requests refused before their body is
     * read (401, 403, 415): the server may then close the connection once it has answered, and a POST
     * that the shared client sent next on that connection would fail ("header parser received no bytes").
     */
    private static HttpResponse<String> alone(HttpRequest.Builder request) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private JsonNode page(String query) {
        return json(ok(server.get("/api/audit/repositories?" + query)));
    }

    private String idOf(String name) {
        JsonNode page = json(ok(server.get("/api/audit/repositories?sort=name&limit=5000")));
        return StreamSupport.stream(page.path("items").spliterator(), false).filter(r -> r.path("name").asText().equals(name))
                .map(r -> r.path("id").asText()).findFirst().orElseThrow(() -> new AssertionError("no repository " + name));
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private static List<String> types(JsonNode report) {
        List<String> types = new ArrayList<>();
        report.path("findings").forEach(f -> types.add(f.path("type").asText()));
        return types;
    }

    /** Runs a fix for real (no dry run): it must answer 201 with a record of a fix done, which it returns. */
    private JsonNode runFix(String repositoryId, String fix) {
        HttpResponse<String> done = server.postJson("/api/audit/repositories/" + repositoryId + "/fixes/" + fix, "{\"dryRun\": false}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        JsonNode record = json(done);
        assertThat(record.path("dryRun").asBoolean()).isFalse();
        assertThat(record.path("outcome").asText()).isEqualTo("done");
        return record;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return response;
    }

    /** Asserts a problem document with this status, and that nothing of the server's insides shows. */
    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString()).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).as("no stack trace or class name in %s", response.uri())
                .doesNotContain("Exception", "\tat ", "java.", "jakarta.", "org.glassfish", "io.gitopsauditor");
        return problem;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return TestServer.json(response);
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String origin(String clone) throws Exception {
        try (Git git = Git.open(root.resolve(clone).toFile())) {
            return git.getRepository().getConfig().getString("remote", "origin", "url");
        }
    }

    /** A bare repository with one commit (README.md), to clone from as if it were GitHub's. */
    private Path bareWithOneCommit(Path remotes, String name) throws Exception {
        Path bare = remotes.resolve(name + ".git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git seed = Git.init().setInitialBranch("main").setDirectory(temp.resolve("seeds").resolve(name).toFile()).call()) {
            commit(seed, "README.md", "# " + name);
            seed.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
            seed.push().setRemote("origin").add("main").call();
        }
        return bare;
    }

    /** A clone of a fresh bare repository, then pointed at {@code url}: its tracking refs stay, as after a real clone. */
    private Git clone(String name, String url) throws Exception {
        Path bare = bareWithOneCommit(temp.resolve("remotes"), name);
        Git clone = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(root.resolve(name).toFile()).call();
        clone.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(url)).call();
        return clone;
    }

    private static void commit(Git git, String file, String content) throws Exception {
        Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), content);
        git.add().addFilepattern(file).call();
        git.commit().setMessage("add " + file).setAuthor(ME).setCommitter(ME).setSign(false).call();
    }
}
