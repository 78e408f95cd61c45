package io.gitopsauditor.plugins.audit.internal.github;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which host clones of a GitHub installation's repositories come from, given its API address:
 * <ul>
 *   <li>{@code https://api.github.com} → {@code github.com}; more generally {@code api.<host>} →
 *       {@code <host>}, which also covers GitHub Enterprise Cloud with data residency
 *       ({@code api.acme.ghe.com} → {@code acme.ghe.com});</li>
 *   <li>GitHub Enterprise Server, {@code https://<host>/api/v3} → {@code <host>};</li>
 *   <li>any other address (a proxy, a test server on {@code 127.0.0.1:port}) says nothing about
 *       where clones come from, so each repository's own {@code clone_url} (else
 *       {@code html_url}) decides.</li>
 * </ul>
 * Hosts are lower case and carry no port, as in {@link RemoteRepository#host()}, so that a
 * clone's remote and the hosted repository meet on the same inventory key.
 */
final class GitHubHosts {

    private GitHubHosts() {
    }

    /**
     * @param apiUrl the configured {@code github.api-url}
     * @return the clone host it implies, or empty when it is not a recognisable GitHub API address
     */
    static Optional<String> fromApiUrl(URI apiUrl) {
        String host = apiUrl.getHost();
        if (host == null) {
            return Optional.empty();
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        String path = apiUrl.getPath() == null ? "" : stripTrailingSlash(apiUrl.getPath());
        if (lowerHost.startsWith("api.") && path.isEmpty()) {
            return Optional.of(lowerHost.substring("api.".length()));
        }
        if (path.equals("/api/v3")) {
            return Optional.of(lowerHost);
        }
        return Optional.empty();
    }

    /**
     * @param apiHost  what {@link #fromApiUrl} said
     * @param cloneUrl the repository's {@code clone_url}, may be {@code null}
     * @param webUrl   the repository's {@code html_url}, may be {@code null}
     * @return the host to record for the repository, or empty when nothing names one
     */
    static Optional<String> cloneHost(Optional<String> apiHost, String cloneUrl, String webUrl) {
        return apiHost
                .or(() -> RemoteUrls.parse(cloneUrl).map(RemoteRepository::host))
                .or(() -> RemoteUrls.parse(webUrl).map(RemoteRepository::host));
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
