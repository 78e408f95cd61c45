package io.gitopsauditor.plugins.audit.testing;

import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.RateLimit;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link GitHubConnection} for tests: fixed settings, and every observed rate limit kept in order.
 */
public final class TestGitHubConnection implements GitHubConnection {

    private final URI apiUrl;
    private final String token;
    private final Duration timeout;
    private final List<RateLimit> observed = new CopyOnWriteArrayList<>();

    private TestGitHubConnection(URI apiUrl, String token, Duration timeout) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.timeout = timeout;
    }

    /**
     * @param apiUrl e.g. {@link FakeGitHub#url()}
     * @return a connection without a token and a 5 s timeout
     */
    public static TestGitHubConnection anonymous(URI apiUrl) {
        return new TestGitHubConnection(apiUrl, null, Duration.ofSeconds(5));
    }

    /**
     * @param apiUrl e.g. {@link FakeGitHub#url()}
     * @param token  e.g. {@link FakeGitHub#TOKEN}
     * @return a connection with that token and a 5 s timeout
     */
    public static TestGitHubConnection withToken(URI apiUrl, String token) {
        return new TestGitHubConnection(apiUrl, token, Duration.ofSeconds(5));
    }

    /** @return the same connection with another timeout */
    public TestGitHubConnection timeout(Duration newTimeout) {
        return new TestGitHubConnection(apiUrl, token, newTimeout);
    }

    @Override
    public URI apiUrl() {
        return apiUrl;
    }

    @Override
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public void observe(RateLimit rateLimit) {
        observed.add(rateLimit);
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        return observed.isEmpty() ? Optional.empty() : Optional.of(observed.getLast());
    }

    /** @return every rate limit observed, oldest first */
    public List<RateLimit> observed() {
        return List.copyOf(observed);
    }
}
