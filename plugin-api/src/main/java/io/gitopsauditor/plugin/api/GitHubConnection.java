package io.gitopsauditor.plugin.api;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.kohsuke.github.GitHub;

/**
 * The platform's one GitHub (or GitHub Enterprise) client, shared by every plugin and configured
 * once from the platform settings ({@code github.api-url}, {@code github.token}, env
 * {@code GITOPS_AUDITOR_GITHUB_TOKEN}, {@code github.timeout}, {@code github.cache-entries}).
 *
 * <p>What the platform adds to github-api's {@link GitHub} client:
 * <ul>
 *   <li>a hard deadline per request ({@link #timeout()}), body included;</li>
 *   <li>no sleeping for rate limits: a request GitHub refuses for a limit fails at once, saying
 *       when the limit resets;</li>
 *   <li>conditional requests: a repeated {@code GET} carries the last answer's {@code ETag}, and a
 *       {@code 304 Not Modified} is answered from a small in-memory cache (GitHub does not count
 *       those against the rate limit);</li>
 *   <li>one rate-limit view for all plugins together ({@link #rateLimit()}, {@link #usage()},
 *       {@code GET /api/platform/github});</li>
 *   <li>one mapping of failures to readable reasons ({@link GitHubUnavailableException}).</li>
 * </ul>
 *
 * <pre>{@code
 * String name = context.github().call(github -> github.getRepository("octocat/Hello-World").getFullName());
 * }</pre>
 *
 * <p>The settings may change while the server runs: the platform then builds a new client, so
 * fetch {@link #client()} (or use {@link #call}) for each piece of work rather than keeping it.
 * Plugins need not see the token ({@link #token()} remains only for 0.1 plugins).
 *
 * @since 0.1
 */
public interface GitHubConnection {

    /**
     * @return the REST API base address, {@code https://api.github.com} unless configured
     */
    URI apiUrl();

    /**
     * @return whether a token is configured; without one only public data is visible and the
     *         rate limit is 60 requests an hour
     * @since 0.2
     */
    boolean tokenConfigured();

    /**
     * @return how long one request may take before it counts as failed
     */
    Duration timeout();

    /**
     * The token, for API 0.1 plugins that built their own client. Never log or return it.
     *
     * @return the token, if one is configured
     * @deprecated since 0.2: use {@link #client()} or {@link #call}, which carry the token, and
     *             {@link #tokenConfigured()}; kept so that plugins built for 0.1 still run
     */
    @Deprecated(since = "0.2")
    Optional<String> token();

    /**
     * Records a rate limit a plugin's own client saw, for API 0.1 plugins.
     *
     * @param rateLimit what GitHub said
     * @deprecated since 0.2: the platform's client records every response itself; kept so that
     *             plugins built for 0.1 still run
     */
    @Deprecated(since = "0.2")
    void observe(RateLimit rateLimit);

    /**
     * The current client. Its failures are github-api's exceptions: pass them to {@link #explain}
     * for a readable reason, or use {@link #call}, which does.
     *
     * @return the platform's configured client
     * @since 0.2
     */
    GitHub client();

    /**
     * Runs some work with the current client and turns any failure into a readable reason.
     *
     * @param work what to ask GitHub
     * @param <T>  what the work returns
     * @return what the work returned
     * @throws GitHubUnavailableException when GitHub refused, failed or did not answer in time
     * @throws InterruptedException       when the thread was interrupted meanwhile (a request in
     *                                    flight is then abandoned)
     * @since 0.2
     */
    <T> T call(GitHubCall<T> work) throws InterruptedException;

    /**
     * @param failure what github-api or its transport threw
     * @return the same failure with a readable reason; never contains the token
     * @since 0.2
     */
    GitHubUnavailableException explain(Throwable failure);

    /**
     * @return the most recent rate limit GitHub reported to any plugin, if any request was made
     */
    Optional<RateLimit> rateLimit();

    /**
     * @return how many requests all plugins together sent since the server started, and how many
     *         of them GitHub answered {@code 304 Not Modified} (free: served from the cache)
     * @since 0.2
     */
    GitHubUsage usage();
}
