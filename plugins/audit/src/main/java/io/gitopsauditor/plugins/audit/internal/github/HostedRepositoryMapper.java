package io.gitopsauditor.plugins.audit.internal.github;

import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import org.kohsuke.github.GHRepository;

import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Consumer;

/** Turns github-api's repositories into the platform's {@link HostedRepository}. */
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
     * @param warnings   told why a repository is left out
     * @return the hosted repository, or empty when GitHub's description lacks what every
     *         inventory entry needs (a clone URL and its host); one odd repository must not
     *         make the whole account unavailable
     */
    Optional<HostedRepository> map(GHRepository repository, Consumer<String> warnings) {
        String fullName = repository.getOwnerName() + "/" + repository.getName();
        // Redacted like local remotes, in case a proxy or an Enterprise Server put credentials in them.
        String cloneUrl = RemoteUrls.redact(repository.getHttpTransportUrl());
        String webUrl = RemoteUrls.redact(text(repository.getHtmlUrl()));
        Optional<String> host = GitHubHosts.cloneHost(apiHost, cloneUrl, webUrl);
        if (repository.getOwnerName() == null || repository.getName() == null || cloneUrl == null || host.isEmpty()) {
            warnings.accept("GitHub listed " + fullName + " without an owner, name or clone URL; left out");
            return Optional.empty();
        }
        return Optional.of(new HostedRepository(sourceId, host.get(), repository.getOwnerName(), repository.getName(),
                cloneUrl, RemoteUrls.redact(repository.getSshUrl()), webUrl, repository.getDefaultBranch(), repository.isFork(),
                repository.isArchived(), repository.isPrivate(), instant(repository.getPushedAt()),
                repository.getDescription()));
    }

    private static String text(URL url) {
        return url == null ? null : url.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
