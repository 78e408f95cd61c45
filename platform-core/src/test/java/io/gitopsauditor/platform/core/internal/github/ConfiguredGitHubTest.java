package io.gitopsauditor.platform.core.internal.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.plugin.api.GitHubUnavailableException;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfiguredGitHubTest {
    private FakeGitHub github;
    private ConfiguredGitHub shared;

    @BeforeEach
    void fakeGitHub() throws Exception {
        github = FakeGitHub.start().withUser("alice", FakeRepository.numbered(3));
        shared = new ConfiguredGitHub(settings(5));
    }

    @AfterEach
    void stop() {
        shared.close();
        github.close();
    }

    private GitHubSettings settings(int cacheEntries) {
        return new GitHubSettings(github.url(), Optional.empty(), Duration.ofSeconds(5), cacheEntries);
    }

    private int aliceRepositories() throws InterruptedException {
        return shared.call(gh -> gh.getUser("alice").listRepositories(100).toList().size());
    }

    @Test
    void aRepeatedListIsAnsweredNotModifiedAndCountedAsSuch() throws Exception {
        aliceRepositories();
        long sent = shared.usage().sent();

        assertThat(aliceRepositories()).isEqualTo(3);

        assertThat(shared.usage().sent() - sent).isEqualTo(1);
        assertThat(shared.usage().notModified()).isEqualTo(1);
        assertThat(shared.usage().counted()).isEqualTo(sent);
    }

    @Test
    void aRebuiltClientStartsWithAnEmptyCacheButKeepsCounting() throws Exception {
        aliceRepositories();
        long sent = shared.usage().sent();

        shared.reconfigure(settings(5));
        aliceRepositories();

        assertThat(shared.usage().notModified()).isZero();
        assertThat(shared.usage().sent()).isGreaterThan(sent);
        assertThat(shared.rateLimit()).isPresent();
    }

    @Test
    void withoutACacheNothingIsAskedConditionally() throws Exception {
        shared.reconfigure(settings(0));

        aliceRepositories();
        aliceRepositories();

        assertThat(github.notModifiedAnswers()).isZero();
        assertThat(shared.usage().notModified()).isZero();
    }

    @Test
    void aFailureNothingExplainsIsToldWithoutAJavaClassName() {
        GitHubUnavailableException explained = shared.explain(new IllegalStateException("Invalid URL: javascript:alert(1)"));

        assertThat(explained.reason()).isEqualTo(GitHubUnavailableException.Reason.UNEXPECTED);
        assertThat(explained.getMessage()).startsWith("the request to GitHub failed unexpectedly")
                .doesNotContain("Exception", "IllegalState", "java.");
    }

    @Test
    void anInterruptedCallThrowsInterruptedException() {
        github.hangOn("/users/alice");
        Thread.currentThread().interrupt();

        assertThatThrownBy(this::aliceRepositories).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
