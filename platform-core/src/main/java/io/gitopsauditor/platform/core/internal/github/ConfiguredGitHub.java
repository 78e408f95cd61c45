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
    /** What the next client is built from; replaced as a whole by {@link #reconfigure}. */
    private volatile GitHubSettings settings;
    /** The client of the current settings, or null until a plugin first needs one. */
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
        // Built at first use, not here: building loads github-api (about 1,500 classes) and, with a
        // token, asks GitHub who it belongs to, which would hold the server's start on the network.
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Hands out a client built from new settings from now on (built at its first use). Requests
     * already running on the old client finish; the old client takes no new ones.
     *
     * @param next the new settings
     */
    public synchronized void reconfigure(GitHubSettings next) {
        settings = Objects.requireNonNull(next, "settings");
        LiveClient replaced = current.getAndSet(null);
        if (replaced != null) {
            replaced.connector().close();
        }
    }

    /** @return the settings in force (the next client is built from them) */
    public GitHubSettings settings() {
        return settings;
    }

    /**
     * The client of the settings in force, built now if there is none yet.
     *
     * @throws PluginException when github-api refuses the settings
     */
    private LiveClient live() {
        LiveClient live = current.get();
        if (live != null) {
            return live;
        }
        synchronized (this) {
            live = current.get();
            if (live == null) {
                live = build(settings);
                current.set(live);
            }
            return live;
        }
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
        return live().github();
    }

    @Override
    public <T> T call(GitHubCall<T> work) throws InterruptedException {
        Objects.requireNonNull(work, "work");
        LiveClient live = live();
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
        return new GitHubFailureReasons(settings).explain(failure);
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
        LiveClient live = current.getAndSet(null);
        if (live != null) {
            live.connector().close();
        }
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
