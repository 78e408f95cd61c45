package io.gitopsauditor.plugin.api;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The one configured connection to GitHub (or GitHub Enterprise), shared by every plugin: the
 * API address and token come from the platform configuration ({@code github.api-url},
 * {@code github.token}, env {@code GITOPS_AUDITOR_GITHUB_TOKEN}), and every client reports the
 * rate limit it sees, so that {@code GET /api/platform/github} shows one number for all.
 *
 * <p>Plugins build their own client (github-api, or any HTTP client) from these settings.
 * Never log or return {@link #token()}.
 *
 * @since 0.1
 */
public interface GitHubConnection {

    /**
     * @return the REST API base address, {@code https://api.github.com} unless configured
     */
    URI apiUrl();

    /**
     * @return the token, if one is configured; without one only public data is visible and the
     *         rate limit is 60 requests an hour
     */
    Optional<String> token();

    /**
     * @return how long one request may take before it counts as failed
     */
    Duration timeout();

    /**
     * Records the rate limit a response reported ({@code X-RateLimit-*} headers or {@code /rate_limit}).
     * Clients should wait for {@link RateLimit#resetAt()} instead of calling when none remain.
     *
     * @param rateLimit what GitHub said
     */
    void observe(RateLimit rateLimit);

    /**
     * @return the most recently observed rate limit, if any request was made
     */
    Optional<RateLimit> rateLimit();
}
