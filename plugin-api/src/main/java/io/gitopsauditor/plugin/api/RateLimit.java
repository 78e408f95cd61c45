package io.gitopsauditor.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A GitHub rate limit as last seen.
 *
 * @param limit      requests allowed per window
 * @param remaining  requests left in this window
 * @param resetAt    when the window resets
 * @param observedAt when this was seen
 * @since 0.1
 */
public record RateLimit(int limit, int remaining, Instant resetAt, Instant observedAt) {

    /**
     * @throws NullPointerException when a time is missing
     */
    public RateLimit {
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /**
     * @return whether no request is left before {@link #resetAt()}
     */
    public boolean exhausted() {
        return remaining <= 0 && resetAt.isAfter(Instant.now());
    }
}
