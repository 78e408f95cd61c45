package io.gitopsauditor.plugin.api.inventory;

/**
 * Where repositories come from: a local folder, a GitHub account, or what a third-party plugin
 * adds (a Gitea server, say). The inventory's provider scans its own configured sources and every
 * source other plugins {@linkplain io.gitopsauditor.plugin.api.Extensions#provide provide}:
 * <pre>{@code
 * public void register(PluginContext context) {
 *     context.extensions().provide(RepositorySource.class, new GiteaSource(context.config()));
 * }
 * }</pre>
 * A scan runs on a worker thread, may take long, and should honour interruption.
 *
 * @since 0.1
 */
public interface RepositorySource {

    /**
     * @return unique among sources and stable across restarts, e.g. {@code gitea:git.home.lan/alice}
     */
    String id();

    /**
     * @return the kind of source, e.g. {@code local}, {@code github}, {@code gitea}
     */
    String kind();

    /**
     * @return what it is, for people, e.g. {@code Gitea git.home.lan (alice)}
     */
    default String label() {
        return id();
    }

    /**
     * Lists the source's repositories.
     *
     * @return what was found, with warnings for parts that could not be read
     * @throws SourceUnavailableException when the source cannot be listed at all
     * @throws InterruptedException       when the scan was cancelled
     */
    SourceScan scan() throws SourceUnavailableException, InterruptedException;
}
