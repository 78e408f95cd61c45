package io.gitopsauditor.plugin.api;

import java.io.IOException;
import org.kohsuke.github.GitHub;

/**
 * Work done with the platform's GitHub client, for {@link GitHubConnection#call}.
 *
 * @param <T> what the work returns
 * @since 0.2
 */
@FunctionalInterface
public interface GitHubCall<T> {

    /**
     * @param github the platform's current client
     * @return the work's result
     * @throws IOException          what github-api throws; the platform explains it
     * @throws InterruptedException when the work noticed it was interrupted
     */
    T call(GitHub github) throws IOException, InterruptedException;
}
