package io.gitopsauditor.platform.core.internal.github;

import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The platform's one GitHub connection: every plugin's client reports the rate limit here. */
public final class ConfiguredGitHub implements GitHubConnection {
    private final GitHubSettings settings;
    private final AtomicReference<RateLimit> lastSeen = new AtomicReference<>();

    public ConfiguredGitHub(GitHubSettings settings) {
        this.settings = settings;
    }

    @Override
    public URI apiUrl() {
        return settings.apiUrl();
    }

    @Override
    public Optional<String> token() {
        return settings.token();
    }

    @Override
    public Duration timeout() {
        return settings.timeout();
    }

    @Override
    public void observe(RateLimit rateLimit) {
        // Keep the newest observation: concurrent clients may report out of order.
        lastSeen.accumulateAndGet(rateLimit, (old, fresh) ->
                old == null || !fresh.observedAt().isBefore(old.observedAt()) ? fresh : old);
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(lastSeen.get());
    }

    @Override
    public String toString() {
        return "ConfiguredGitHub[" + settings + "]";
    }
}
