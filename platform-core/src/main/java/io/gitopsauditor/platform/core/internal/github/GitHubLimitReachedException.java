package io.gitopsauditor.platform.core.internal.github;

import io.gitopsauditor.plugin.api.RateLimit;

import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.Optional;

/**
 * GitHub refused a request because a rate limit was reached. Thrown by {@link FailFastLimits}
 * from inside github-api, which wraps it; {@link GitHubFailures} finds it in the cause chain.
 */
final class GitHubLimitReachedException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The primary (hourly) limit, when the response said which; absent for the secondary limit. */
    private final transient RateLimit rateLimit;
    /** How long GitHub asked to wait ({@code Retry-After}), for the secondary limit. */
    private final transient Duration retryAfter;

    private final boolean secondary;

    private GitHubLimitReachedException(String message, RateLimit rateLimit, Duration retryAfter, boolean secondary) {
        super(message);
        this.rateLimit = rateLimit;
        this.retryAfter = retryAfter;
        this.secondary = secondary;
    }

    static GitHubLimitReachedException primary(Optional<RateLimit> rateLimit) {
        return new GitHubLimitReachedException("GitHub rate limit reached", rateLimit.orElse(null), null, false);
    }

    static GitHubLimitReachedException secondary(Optional<Duration> retryAfter) {
        return new GitHubLimitReachedException("GitHub secondary rate limit reached", null, retryAfter.orElse(null), true);
    }

    Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * @return whether this is the secondary ("abuse") limit rather than the hourly one
     */
    boolean secondaryLimit() {
        return secondary;
    }
}
