package io.gitopsauditor.plugins.audit.internal.github;

import io.gitopsauditor.plugin.api.GitHubConnection;

import io.gitopsauditor.plugin.api.inventory.SourceUnavailableException;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import io.gitopsauditor.platform.core.testkit.TestGitHubConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubAccountSourceFailureTest {

    private static final String TOKEN = FakeGitHub.TOKEN;

    private FakeGitHub github;

    @BeforeEach
    void startFakeGitHub() throws Exception {
        github = FakeGitHub.start().withUser("alice", FakeRepository.numbered(3));
    }

    @AfterEach
    void stopFakeGitHub() {
        github.close();
    }

    @Test
    void aRefusedTokenSaysToCheckTheSetting() {
        SourceUnavailableException failure = scanFails(TestGitHubConnection.withToken(github.url(), "ghp_wrongToken1234567890"), "alice");

        assertThat(failure).hasMessage("GitHub refused the token (401): check github.token");
        assertThat(failure.getMessage()).doesNotContain("ghp_wrongToken1234567890");
    }

    @Test
    void anExhaustedRateLimitSaysWhenItResetsAndHowToRaiseIt() {
        Instant reset = Instant.now().plus(Duration.ofMinutes(42)).truncatedTo(ChronoUnit.SECONDS);
        github.rateLimit(60, 0, reset);
        GitHubConnection connection = TestGitHubConnection.anonymous(github.url());

        SourceUnavailableException failure = scanFails(connection, "alice");

        String hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(reset);
        assertThat(failure).hasMessage("GitHub rate limit reached; resets at " + hhmm
                + " UTC (60 requests per hour; set github.token to raise it)");
        assertThat(connection.rateLimit()).hasValueSatisfying(limit -> {
            assertThat(limit.remaining()).isZero();
            assertThat(limit.exhausted()).isTrue();
        });
        assertThat(github.requests()).hasSize(1);
    }

    @Test
    void anExhaustedTokenRateLimitDoesNotSuggestAToken() {
        github.rateLimit(5000, 0, Instant.now().plusSeconds(600));

        SourceUnavailableException failure = scanFails(TestGitHubConnection.withToken(github.url(), TOKEN), "alice");

        assertThat(failure.getMessage()).startsWith("GitHub rate limit reached; resets at ")
                .endsWith("(5000 requests per hour for this token)");
    }

    @Test
    void theSecondaryRateLimitFailsAtOnceInsteadOfWaiting() {
        github.failOn("/users/alice/repos", 429, "{\"message\": \"You have exceeded a secondary rate limit.\"}");

        SourceUnavailableException failure = scanFails(TestGitHubConnection.anonymous(github.url()), "alice");

        assertThat(failure.getMessage()).startsWith("GitHub's secondary rate limit was reached");
    }

    @Test
    void anotherRefusalQuotesGitHub() {
        github.failOn("/user/repos", 403, "{\"message\": \"Resource not accessible by personal access token\"}");

        SourceUnavailableException failure = scanFails(TestGitHubConnection.withToken(github.url(), TOKEN), FakeGitHub.USER);

        assertThat(failure).hasMessage(
                "GitHub refused access to octocat's repositories (403): Resource not accessible by personal access token");
    }

    @Test
    void aTokenEchoedByTheServerIsBlottedOut() {
        github.failOn("/user", 403, "{\"message\": \"token " + TOKEN + " lacks scope\"}");

        SourceUnavailableException failure = scanFails(TestGitHubConnection.withToken(github.url(), TOKEN), "alice");

        assertThat(failure.getMessage()).doesNotContain(TOKEN).contains("token *** lacks scope");
    }

    @Test
    void anUnknownOwnerIsNamed() {
        SourceUnavailableException failure = scanFails(TestGitHubConnection.withToken(github.url(), TOKEN), "nobody");

        assertThat(failure.getMessage()).isEqualTo("no GitHub user or organisation named nobody at " + github.url());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void aFailingServerIsReportedAsTemporary(int status) {
        github.failOn("/users/alice/repos", status, "{\"message\": \"Server Error\"}");

        SourceUnavailableException failure = scanFails(TestGitHubConnection.withToken(github.url(), TOKEN), "alice");

        assertThat(failure).hasMessage("GitHub at " + github.url() + " failed to answer (HTTP " + status + "); try again later");
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void malformedJsonIsReportedAsSuch() {
        github.malformedJsonOn("/users/alice/repos");

        SourceUnavailableException failure = scanFails(TestGitHubConnection.anonymous(github.url()), "alice");

        assertThat(failure).hasMessage("GitHub at " + github.url() + " answered something that is not the JSON of its API");
    }

    @Test
    void aRefusedConnectionIsReported() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        SourceUnavailableException failure = scanFails(TestGitHubConnection.withToken(closedPort, TOKEN), "alice");

        assertThat(failure).hasMessage("cannot reach GitHub at " + closedPort + ": connection refused");
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheTimeout() {
        github.hangOn("/users/alice/repos");
        GitHubConnection connection = TestGitHubConnection.withToken(github.url(), TOKEN, Duration.ofSeconds(1));

        long started = System.nanoTime();
        SourceUnavailableException failure = scanFails(connection, "alice");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).hasMessage("GitHub at " + github.url() + " did not answer within 1 s");
        assertThat(took).isLessThan(Duration.ofMillis(2500));
        assertThat(github.requests()).filteredOn(request -> request.path().equals("/users/alice/repos")).hasSize(1);
    }

    @Test
    void aSlowServerWithinTheTimeoutIsFine() throws Exception {
        github.delayOn("/users/alice/repos", Duration.ofMillis(300));

        assertThat(source(TestGitHubConnection.anonymous(github.url(), Duration.ofSeconds(2)), "alice").scan().hosted())
                .hasSize(3);
    }

    @Test
    void anInterruptedScanThrowsInterruptedException() throws Exception {
        github.hangOn("/users/alice/repos");
        GitHubAccountSource source = source(TestGitHubConnection.anonymous(github.url(), Duration.ofSeconds(30)), "alice");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread scanner = Thread.ofVirtual().start(() -> {
            try {
                source.scan();
            } catch (Throwable failure) {
                thrown.set(failure);
            }
        });
        awaitRequestTo("/users/alice/repos");

        scanner.interrupt();
        scanner.join(Duration.ofSeconds(5));

        assertThat(scanner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    /** Polls on this thread: a busy wait on the common pool would starve java.net.http, which uses it. */
    private void awaitRequestTo(String path) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (github.requests().stream().noneMatch(request -> request.path().equals(path))) {
            assertThat(Instant.now()).as("a request to " + path).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    private static SourceUnavailableException scanFails(GitHubConnection connection, String owner) {
        AtomicReference<SourceUnavailableException> failure = new AtomicReference<>();
        assertThatThrownBy(() -> source(connection, owner).scan())
                .isInstanceOfSatisfying(SourceUnavailableException.class, failure::set);
        return failure.get();
    }

    private static GitHubAccountSource source(GitHubConnection connection, String owner) {
        return new GitHubAccountSource(connection, owner);
    }
}
