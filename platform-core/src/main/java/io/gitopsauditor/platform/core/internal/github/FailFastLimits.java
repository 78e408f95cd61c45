package io.gitopsauditor.platform.core.internal.github;

import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What github-api does when GitHub says "rate limited". Its defaults ({@code WAIT}) sleep until
 * the limit resets, up to an hour for the primary limit, holding the scan and its worker thread.
 * A scan should instead end at once with the source marked unavailable and the reset time shown,
 * so these throw {@link GitHubLimitReachedException}.
 */
final class FailFastLimits {

    /** The hourly limit: 403 or 429 with {@code X-RateLimit-Remaining: 0}. */
    static final GitHubRateLimitHandler RATE_LIMIT = new GitHubRateLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws GitHubLimitReachedException {
            throw GitHubLimitReachedException.primary(
                    RateLimitHeaders.parse(name -> Optional.ofNullable(response.header(name)), Instant.now()));
        }
    };

    /** The secondary ("abuse") limit: 429, or 403 with {@code Retry-After}. */
    static final GitHubAbuseLimitHandler SECONDARY_LIMIT = new GitHubAbuseLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws GitHubLimitReachedException {
            throw GitHubLimitReachedException.secondary(retryAfter(response.header("Retry-After")));
        }
    };

    private FailFastLimits() {
    }

    /** Only the seconds form: GitHub sends that; the HTTP-date form just goes unreported. */
    private static Optional<Duration> retryAfter(String header) {
        try {
            return header == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }
}
