package io.gitopsauditor.plugins.audit.internal.github;

import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import org.kohsuke.github.GHRepository;

import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns github-api's repositories into the platform's {@link HostedRepository}, one entry at a
 * time. GitHub's answer is not trusted field by field: an entry whose owner or name is not a safe
 * GitHub name, whose {@code clone_url} is missing or not an {@code http(s)} URL of one repository,
 * or whose {@code html_url} is not a web address, is left out with a readable reason naming it.
 * One bad entry never makes the whole account unavailable.
 */
final class HostedRepositoryMapper {

    private final String sourceId;
    private final Optional<String> apiHost;

    /**
     * @param sourceId the source listing the repositories
     * @param apiHost  the clone host implied by the API address, see {@link GitHubHosts#fromApiUrl}
     */
    HostedRepositoryMapper(String sourceId, Optional<String> apiHost) {
        this.sourceId = sourceId;
        this.apiHost = apiHost;
    }

    /**
     * @param repository what GitHub listed
     * @param warnings   told why a repository is left out, e.g.
     *                   {@code GitHub listed 'alice/../x': the name '../x' is not a safe repository name (...); left out}
     * @return the hosted repository, or empty when the entry is left out
     */
    Optional<HostedRepository> map(GHRepository repository, Consumer<String> warnings) {
        String owner = repository.getOwnerName();
        String name = repository.getName();
        try {
            Optional<String> problem = problemWith(owner, name, repository);
            if (problem.isPresent()) {
                warnings.accept("GitHub listed " + Quoted.of(owner + "/" + name) + ": " + problem.get() + "; left out");
                return Optional.empty();
            }
            return Optional.of(hosted(repository));
        } catch (RuntimeException unreadable) {
            // github-api parses some fields lazily (dates) and throws on odd values; its message may hold class names.
            warnings.accept("GitHub listed " + Quoted.of(owner + "/" + name) + " with a field that could not be read; left out");
            return Optional.empty();
        }
    }

    private Optional<String> problemWith(String owner, String name, GHRepository repository) {
        if (owner == null || name == null) {
            return Optional.of("it has no owner or name");
        }
        Optional<String> badName = CloneUrlPolicy.nameRefusal(owner).or(() -> CloneUrlPolicy.nameRefusal(name));
        if (badName.isPresent()) {
            return badName;
        }
        String cloneUrl = repository.getHttpTransportUrl();
        if (cloneUrl == null || cloneUrl.isBlank()) {
            return Optional.of("it has no clone_url");
        }
        if (!isWebAddress(cloneUrl) || RemoteUrls.parse(cloneUrl).isEmpty()) {
            return Optional.of("its clone_url " + Quoted.of(RemoteUrls.redact(cloneUrl)) + " is not an https URL of one repository");
        }
        String webUrl;
        try {
            webUrl = webUrlText(repository);
        } catch (RuntimeException notAUrl) {
            // github-api parses html_url into a URL and throws on one such as "javascript:...".
            return Optional.of("its html_url is not a web address");
        }
        if (webUrl != null && !isWebAddress(webUrl)) {
            return Optional.of("its html_url " + Quoted.of(webUrl) + " is not a web address");
        }
        if (GitHubHosts.cloneHost(apiHost, cloneUrl, webUrl).isEmpty()) {
            return Optional.of("nothing in it names the host to clone from");
        }
        return Optional.empty();
    }

    private HostedRepository hosted(GHRepository repository) {
        // Redacted like local remotes, in case a proxy or an Enterprise Server put credentials in them.
        String cloneUrl = RemoteUrls.redact(repository.getHttpTransportUrl());
        String webUrl = RemoteUrls.redact(webUrlText(repository));
        String host = GitHubHosts.cloneHost(apiHost, cloneUrl, webUrl).orElseThrow();
        return new HostedRepository(sourceId, host, repository.getOwnerName(), repository.getName(),
                cloneUrl, RemoteUrls.redact(repository.getSshUrl()), webUrl, repository.getDefaultBranch(), repository.isFork(),
                repository.isArchived(), repository.isPrivate(), instant(repository.getPushedAt()),
                repository.getDescription());
    }

    /** {@code html_url} as sent; github-api turns it into a {@link URL} and throws on one it cannot parse. */
    private static String webUrlText(GHRepository repository) {
        URL url = repository.getHtmlUrl();
        return url == null ? null : url.toString();
    }

    /** Only {@code https://} and {@code http://} (a test server, an old Enterprise Server): never {@code javascript:} or {@code file:}. */
    private static boolean isWebAddress(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && url.chars().noneMatch(c -> c <= ' ');
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
