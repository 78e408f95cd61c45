package io.gitopsauditor.plugins.audit.internal.github;

import io.gitopsauditor.plugin.api.GitHubConnection;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.RateLimitChecker;

import java.io.IOException;

/** Builds a github-api client from the platform's one {@link GitHubConnection}. */
final class GitHubClients {

    private GitHubClients() {
    }

    /**
     * @param connection where GitHub is and how to sign in
     * @param connector  the transport, carrying the timeout
     * @return a client that never sleeps for a rate limit: it neither waits before a request
     *         ({@link RateLimitChecker#NONE}) nor after a refusal ({@link FailFastLimits})
     * @throws IOException when github-api rejects the settings
     */
    static GitHub build(GitHubConnection connection, DeadlineHttpConnector connector) throws IOException {
        GitHubBuilder builder = new GitHubBuilder()
                .withEndpoint(endpoint(connection))
                .withConnector(connector)
                .withRateLimitChecker(RateLimitChecker.NONE)
                .withRateLimitHandler(FailFastLimits.RATE_LIMIT)
                .withAbuseLimitHandler(FailFastLimits.SECONDARY_LIMIT);
        connection.token().filter(token -> !token.isBlank()).ifPresent(builder::withOAuthToken);
        return builder.build();
    }

    /** github-api appends paths such as {@code /users/x} to the endpoint: a trailing slash would double. */
    private static String endpoint(GitHubConnection connection) {
        String url = connection.apiUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
