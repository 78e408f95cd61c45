package io.gitopsauditor.platform.core.internal.github;

import io.gitopsauditor.plugin.api.GitHubUsage;
import io.gitopsauditor.plugin.api.RateLimit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every plugin's requests to GitHub add up to: how many were sent, how many were answered
 * {@code 304 Not Modified} (free), and the newest rate limit GitHub reported. Outlives the client:
 * a client rebuilt after a settings change keeps counting here.
 */
final class GitHubAccounting {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicReference<RateLimit> lastSeen = new AtomicReference<>();

    void sent() {
        sent.incrementAndGet();
    }

    void notModified() {
        notModified.incrementAndGet();
    }

    void observe(RateLimit rateLimit) {
        // Keep the newest observation: concurrent requests may report out of order.
        lastSeen.accumulateAndGet(rateLimit, (old, fresh) ->
                old == null || !fresh.observedAt().isBefore(old.observedAt()) ? fresh : old);
    }

    Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(lastSeen.get());
    }

    GitHubUsage usage() {
        return new GitHubUsage(sent.get(), notModified.get());
    }
}
