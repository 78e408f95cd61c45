package io.gitopsauditor.platform.core.internal.github;

import io.gitopsauditor.plugin.api.GitHubCall;
import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.GitHubUnavailableException;
import io.gitopsauditor.plugin.api.GitHubUsage;
import io.gitopsauditor.plugin.api.RateLimit;
import io.gitopsauditor.plugin.api.PluginException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.kohsuke.github.GitHub;

/**
 * The platform's one GitHub client, shared by every plugin. Built from one immutable
 * {@link GitHubSettings}; {@link #reconfigure} builds a new client and swaps it in, so a plugin
 * that reaches the client through its context always gets the current one. The accounting (rate
 * limit, requests sent and answered from the cache) survives the swap; the ETag cache does not,
 * since it belongs to one token.
 */
public final class ConfiguredGitHub implements GitHubConnection, AutoCloseable {
    private final GitHubAccounting accounting = new GitHubAccounting();
    private final AtomicReference<LiveClient> current = new AtomicReference<>();

    /** One client and everything built from the same settings. */
    private record LiveClient(GitHubSettings settings, GitHub github, DeadlineHttpConnector connector,
                              GitHubFailureReasons reasons) {
    }

    /**
     * @param settings how to reach GitHub
     * @throws PluginException when github-api refuses the settings
     */
    public ConfiguredGitHub(GitHubSettings settings) {
        GitHubClientLog.install();
        current.set(build(settings));
    }

    /**
     * Builds a client from new settings and hands it out from now on. Requests already running on
     * the old client finish; the old client takes no new ones.
     *
     * @param settings the new settings
     * @throws PluginException when github-api refuses them; the old client then stays
     */
    public void reconfigure(GitHubSettings settings) {
        LiveClient replaced = current.getAndSet(build(settings));
        replaced.connector().close();
    }

    /** @return the settings the current client was built from */
    public GitHubSettings settings() {
        return current.get().settings();
    }

    /**
     * The token: the git service's credentials for the GitHub host, and API 0.1 plugins that build
     * their own client.
     *
     * @return the configured token
     */
    @Override
    @Deprecated(since = "0.2")
    public Optional<String> token() {
        return settings().token().filter(token -> !token.isBlank());
    }

    /** Counts a rate limit an API 0.1 plugin's own client saw, as the platform's client does its own. */
    @Override
    @Deprecated(since = "0.2")
    public void observe(RateLimit rateLimit) {
        accounting.observe(Objects.requireNonNull(rateLimit, "rateLimit"));
    }

    @Override
    public URI apiUrl() {
        return settings().apiUrl();
    }

    @Override
    public boolean tokenConfigured() {
        return settings().hasToken();
    }

    @Override
    public Duration timeout() {
        return settings().timeout();
    }

    @Override
    public GitHub client() {
        return current.get().github();
    }

    @Override
    public <T> T call(GitHubCall<T> work) throws InterruptedException {
        Objects.requireNonNull(work, "work");
        LiveClient live = current.get();
        try {
            return work.call(live.github());
        } catch (IOException | RuntimeException failure) {
            // The connector keeps the interrupt flag when it cut a request short for it.
            if (Thread.interrupted()) {
                InterruptedException interrupted = new InterruptedException("GitHub request cancelled");
                interrupted.initCause(failure);
                throw interrupted;
            }
            throw live.reasons().explain(failure);
        }
    }

    @Override
    public GitHubUnavailableException explain(Throwable failure) {
        return current.get().reasons().explain(failure);
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        return accounting.rateLimit();
    }

    @Override
    public GitHubUsage usage() {
        return accounting.usage();
    }

    /** Stops the current client (at shutdown): requests in flight finish, no new ones start. */
    @Override
    public void close() {
        current.get().connector().close();
    }

    @Override
    public String toString() {
        return "ConfiguredGitHub[" + settings() + "]";
    }

    private LiveClient build(GitHubSettings settings) {
        DeadlineHttpConnector connector = new DeadlineHttpConnector(settings.timeout(),
                new EtagCache(settings.cacheEntries()), accounting);
        try {
            return new LiveClient(settings, GitHubClients.build(settings, connector), connector,
                    new GitHubFailureReasons(settings));
        } catch (IOException | RuntimeException refused) {
            connector.close();
            throw new PluginException("platform: cannot build the GitHub client for " + settings.apiUrl() + ": "
                    + refused.getMessage(), refused);
        }
    }
}
