package io.gitopsauditor.platform.core.testkit;

import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.platform.core.internal.github.GitHubSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The platform's real GitHub client, built outside a server for unit tests of code that takes a
 * {@link io.gitopsauditor.plugin.api.GitHubConnection}, e.g. pointed at a {@link FakeGitHub}:
 * <pre>{@code
 * try (FakeGitHub github = FakeGitHub.start(); ConfiguredGitHub connection = TestGitHubConnection.anonymous(github.url())) {
 *     assertThat(connection.call(gh -> gh.getUser("octocat").getLogin())).isEqualTo("octocat");
 * }
 * }</pre>
 */
public final class TestGitHubConnection {
    /** The timeout unless a test names one. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestGitHubConnection() {
    }

    /** @return a client without a token and a 5 s timeout */
    public static ConfiguredGitHub anonymous(URI apiUrl) {
        return anonymous(apiUrl, TIMEOUT);
    }

    /** @return a client without a token */
    public static ConfiguredGitHub anonymous(URI apiUrl, Duration timeout) {
        return new ConfiguredGitHub(new GitHubSettings(apiUrl, Optional.empty(), timeout));
    }

    /** @return a client with that token (e.g. {@link FakeGitHub#TOKEN}) and a 5 s timeout */
    public static ConfiguredGitHub withToken(URI apiUrl, String token) {
        return withToken(apiUrl, token, TIMEOUT);
    }

    /** @return a client with that token */
    public static ConfiguredGitHub withToken(URI apiUrl, String token, Duration timeout) {
        return new ConfiguredGitHub(new GitHubSettings(apiUrl, Optional.of(token), timeout));
    }
}
