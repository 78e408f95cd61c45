package io.gitopsauditor.platform.core.internal.github;

import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The platform's one GitHub connection: every plugin's client reports the rate limit here. */
public final class ConfiguredGitHub implements GitHubConnection {
    /** Replaced as a whole when an admin changes the GitHub settings: readers see the old or the new, never a mix. */
    private volatile GitHubSettings settings;
    private final AtomicReference<RateLimit> lastSeen = new AtomicReference<>();

    public ConfiguredGitHub(GitHubSettings settings) {
        this.settings = settings;
    }

    /**
     * Uses new settings from the next request on (the settings stream's seam; the github stream's
     * rebuildable client takes this over).
     */
    public void reconfigure(GitHubSettings next) {
        this.settings = next;
    }

    /** The settings in use. */
    public GitHubSettings settings() {
        return settings;
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
