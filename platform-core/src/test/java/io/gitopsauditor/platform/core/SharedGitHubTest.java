package io.gitopsauditor.platform.core;

import static io.gitopsauditor.platform.core.testkit.PluginJarBuilder.simplePlugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.platform.core.internal.github.GitHubSettings;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's one GitHub client, through the real server: two plugins built as real jars call
 * GitHub (the recorded {@link FakeGitHub}) through {@code context.github()}, one REST endpoint each,
 * and the platform's own view ({@code GET /api/platform/github}) adds up what both did. Every
 * failure reaches the client as a 503 problem+json with the readable reason, and the token
 * appears in no answer and no log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedGitHubTest {
    /** A token only this run uses: a match in a log can only come from here. */
    private static final String TOKEN = "ghp_Canary" + HexFormat.of().formatHex(randomBytes());
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    static Path data;
    private FakeGitHub github;
    private TestServer server;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private final List<String> answers = new ArrayList<>();

    @BeforeAll
    void fakeGitHubAndServerWithTwoPlugins() throws Exception {
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, stderr), true, StandardCharsets.UTF_8));
        github = FakeGitHub.start().withToken(TOKEN, FakeGitHub.USER);
        github.rateLimit(5000, 5000, Instant.now().plus(Duration.ofHours(1)));
        for (String id : List.of("gha", "ghb")) {
            listingPlugin(id).buildInto(data.resolve("plugins"), id + ".jar");
        }
        server = TestServer.start(data, Map.of("github.api-url", github.url().toString(), "github.token", TOKEN,
                "github.timeout", "1s"));
    }

    /** A plugin whose {@code GET /api/<id>/repos/{owner}} counts an owner's repositories through the platform's client. */
    private static io.gitopsauditor.platform.core.testkit.PluginJarBuilder listingPlugin(String id) {
        return simplePlugin("test." + id, id, "0.2", """
                public void register(PluginContext c) { c.rest().resource(new Repos(c)); }
                @jakarta.ws.rs.Path("")
                public static final class Repos {
                    private final PluginContext context;
                    public Repos(PluginContext context) { this.context = context; }
                    @jakarta.ws.rs.GET @jakarta.ws.rs.Path("repos/{owner}") @jakarta.ws.rs.Produces("text/plain")
                    public String repos(@jakarta.ws.rs.PathParam("owner") String owner) throws InterruptedException {
                        int count = context.github().call(gh -> gh.getUser(owner).listRepositories(100).toList().size());
                        return Integer.toString(count);
                    }
                }
                """);
    }

    @AfterEach
    void forgetFailures() {
        github.clearFailures();
        github.rateLimit(5000, 5000, Instant.now().plus(Duration.ofHours(1)));
    }

    @AfterAll
    void stopAndLookForTheToken() {
        try {
            if (server != null) {
                server.close();
            }
            github.close();
        } finally {
            System.setErr(originalErr);
        }
        assertThat(answers).isNotEmpty().noneMatch(answer -> answer.contains(TOKEN));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }

    @Test
    void twoPluginsRequestsAddUpInOneRateLimit() {
        github.withUser("carol", FakeRepository.numbered(3)).withUser("dave", FakeRepository.numbered(5));
        int requestsBefore = github.requests().size();
        long sentBefore = platformView().path("requests").path("sent").asLong();

        assertThat(call("gha", "carol")).isEqualTo("3");
        assertThat(call("ghb", "dave")).isEqualTo("5");

        int requests = github.requests().size() - requestsBefore;
        JsonNode view = platformView();
        assertThat(requests).isEqualTo(4); // each plugin: the account, then its repositories
        assertThat(view.path("requests").path("sent").asLong() - sentBefore).isEqualTo(requests);
        assertThat(view.path("rateLimit").path("limit").asInt()).isEqualTo(5000);
        assertThat(view.path("rateLimit").path("remaining").asInt()).isEqualTo(5000 - requests);
        assertThat(view.path("tokenConfigured").asBoolean()).isTrue();
    }

    @Test
    void anUnchangedAnswerComesFromTheEtagCacheAndIsNotCounted() {
        github.withUser("erin", FakeRepository.numbered(7));
        assertThat(call("gha", "erin")).isEqualTo("7");
        JsonNode before = platformView();
        long answeredNotModified = github.notModifiedAnswers();

        assertThat(call("ghb", "erin")).isEqualTo("7");

        JsonNode after = platformView();
        long sent = after.path("requests").path("sent").asLong() - before.path("requests").path("sent").asLong();
        long notModified = after.path("requests").path("notModified").asLong()
                - before.path("requests").path("notModified").asLong();
        assertThat(sent).isPositive();
        assertThat(notModified).isEqualTo(sent).isEqualTo(github.notModifiedAnswers() - answeredNotModified);
        assertThat(after.path("rateLimit").path("remaining").asInt())
                .isEqualTo(before.path("rateLimit").path("remaining").asInt());
    }

    @Test
    void aRefusedTokenIsExplained() {
        github.withUser("frank", FakeRepository.numbered(1))
                .failOn("/users/frank/repos", 401, "{\"message\": \"Bad credentials\"}");

        assertThat(failure("frank")).isEqualTo("GitHub refused the token (401): check github.token");
    }

    @Test
    void anExhaustedRateLimitSaysWhenItResets() {
        Instant reset = Instant.now().plus(Duration.ofMinutes(42)).truncatedTo(ChronoUnit.SECONDS);
        github.withUser("grace", FakeRepository.numbered(1)).rateLimit(5000, 0, reset);

        assertThat(failure("grace")).isEqualTo("GitHub rate limit reached; resets at "
                + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(reset)
                + " UTC (5000 requests per hour for this token)");
        assertThat(platformView().path("rateLimit").path("remaining").asInt()).isZero();
    }

    @Test
    void anUnknownAccountIsANotFoundWithTheAddress() {
        assertThat(failure("nobody")).isEqualTo("GitHub has no such resource, or the token may not see it (404) at "
                + github.url());
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheTimeout() {
        github.withUser("heidi", FakeRepository.numbered(1)).hangOn("/users/heidi/repos");

        assertThat(failure("heidi")).isEqualTo("GitHub at " + github.url() + " did not answer within 1 s");
    }

    @Test
    void aFailingServerIsReportedAsTemporary() {
        github.withUser("ivan", FakeRepository.numbered(1))
                .failOn("/users/ivan/repos", 502, "{\"message\": \"Server Error\"}");

        assertThat(failure("ivan")).isEqualTo("GitHub at " + github.url() + " failed to answer (HTTP 502); try again later");
    }

    @Test
    void aRefusedConnectionIsReportedAndANewAddressReachesEveryPlugin() throws IOException {
        ConfiguredGitHub shared = server.platform().github();
        GitHubSettings working = shared.settings();
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        shared.reconfigure(new GitHubSettings(closedPort, Optional.of(TOKEN), TIMEOUT));
        try {
            assertThat(failure("judy")).isEqualTo("cannot reach GitHub at " + closedPort + ": connection refused");
        } finally {
            shared.reconfigure(working);
        }

        github.withUser("judy", FakeRepository.numbered(2));
        assertThat(call("ghb", "judy")).isEqualTo("2");
    }

    private String call(String plugin, String owner) {
        HttpResponse<String> response = server.get("/api/" + plugin + "/repos/" + owner);
        keep(response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** @return the problem's detail, after checking it is the kernel's 503 problem+json */
    private String failure(String owner) {
        HttpResponse<String> response = server.get("/api/gha/repos/" + owner);
        keep(response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = TestServer.json(response);
        assertThat(problem.path("title").asText()).isEqualTo("GitHub unavailable");
        return problem.path("detail").asText();
    }

    private JsonNode platformView() {
        HttpResponse<String> response = server.get("/api/platform/github");
        keep(response);
        assertThat(response.statusCode()).isEqualTo(200);
        return TestServer.json(response);
    }

    private void keep(HttpResponse<String> response) {
        answers.add(response.headers().map() + "\n" + response.body());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Writes to the real stderr and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
