package io.gitopsauditor.plugin.api;

/**
 * How much all plugins together asked GitHub since the server started.
 *
 * @param sent        requests sent to GitHub
 * @param notModified of those, the ones GitHub answered {@code 304 Not Modified} because the
 *                    platform's cached answer was still current; GitHub does not count them
 *                    against the rate limit
 * @since 0.2
 */
public record GitHubUsage(long sent, long notModified) {

    /**
     * @return the requests GitHub counted against the rate limit
     */
    public long counted() {
        return sent - notModified;
    }
}
