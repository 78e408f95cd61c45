package io.gitopsauditor.platform.core.internal.github;

import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.RateLimitChecker;

import java.io.IOException;

/** Builds the github-api client every plugin shares from the platform's {@link GitHubSettings}. */
final class GitHubClients {

    private GitHubClients() {
    }

    /**
     * @param settings  where GitHub is and how to sign in
     * @param connector the transport, carrying the timeout and the ETag cache
     * @return a client that never sleeps for a rate limit: it neither waits before a request
     *         ({@link RateLimitChecker#NONE}) nor after a refusal ({@link FailFastLimits}), so one
     *         plugin's exhausted limit cannot hold a worker thread for up to an hour
     * @throws IOException when github-api rejects the settings
     */
    static GitHub build(GitHubSettings settings, DeadlineHttpConnector connector) throws IOException {
        GitHubBuilder builder = new GitHubBuilder()
                .withEndpoint(endpoint(settings))
                .withConnector(connector)
                .withRateLimitChecker(RateLimitChecker.NONE)
                .withRateLimitHandler(FailFastLimits.RATE_LIMIT)
                .withAbuseLimitHandler(FailFastLimits.SECONDARY_LIMIT);
        settings.token().filter(token -> !token.isBlank()).ifPresent(builder::withOAuthToken);
        return builder.build();
    }

    /** github-api appends paths such as {@code /users/x} to the endpoint: a trailing slash would double. */
    private static String endpoint(GitHubSettings settings) {
        String url = settings.apiUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
