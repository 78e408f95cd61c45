package io.gitopsauditor.platform.core.internal.github;

import io.gitopsauditor.plugin.api.RateLimit;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code X-RateLimit-*} headers GitHub sends with every REST response. Read straight
 * from the headers rather than from github-api's {@code GitHub#lastRateLimit()}, which reports an
 * invented "unknown" limit until a response carried one, and would then be mistaken for a real one.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    /**
     * @param header     looks up one response header by name (case-insensitively)
     * @param observedAt when the response arrived
     * @return the limit, or empty when the headers are missing or not numbers (GitHub Enterprise
     *         with rate limiting switched off sends none)
     */
    static Optional<RateLimit> parse(Function<String, Optional<String>> header, Instant observedAt) {
        try {
            Optional<Integer> limit = header.apply("X-RateLimit-Limit").map(String::strip).map(Integer::valueOf);
            Optional<Integer> remaining = header.apply("X-RateLimit-Remaining").map(String::strip).map(Integer::valueOf);
            Optional<Instant> reset = header.apply("X-RateLimit-Reset").map(String::strip).map(Long::valueOf)
                    .map(Instant::ofEpochSecond);
            if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RateLimit(limit.get(), remaining.get(), reset.get(), observedAt));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
