package io.gitopsauditor.plugins.audit.internal.github;

import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.GitHubUnavailableException;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugin.api.inventory.RepositorySource;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.plugin.api.inventory.SourceUnavailableException;
import org.kohsuke.github.GHMyself;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.PagedIterable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every repository of one GitHub user or organisation, through the platform's one
 * {@link GitHubConnection}.
 *
 * <p>Which list is asked for decides what is seen:
 * <ul>
 *   <li>the token's own account: {@code GET /user/repos?type=owner}, the only list that includes
 *       the user's private repositories ({@code /users/{u}/repos} never does);</li>
 *   <li>an organisation: {@code GET /orgs/{o}/repos} (GitHub's default type is {@code all}), which
 *       includes private repositories the token may see;</li>
 *   <li>any other user: {@code GET /users/{u}/repos}, public repositories only.</li>
 * </ul>
 * Whether the owner is a user or an organisation comes from {@code GET /users/{owner}}, which
 * answers for both. Pages of 100 are followed to the end through GitHub's {@code Link} headers.
 *
 * <p>A scan either returns the complete list or throws {@link SourceUnavailableException} with a
 * readable reason: the platform's ({@link GitHubUnavailableException}), said about the owner where
 * that helps. The platform's client gives up after the timeout per request, never sleeps for a rate
 * limit, and counts every request in the rate limit all plugins share.
 */
public final class GitHubAccountSource implements RepositorySource {

    /** The largest page GitHub serves; fewer requests count against the rate limit. */
    static final int PAGE_SIZE = 100;
    /** GitHub logins; Enterprise Server also allows {@code _} and {@code .} (LDAP/SAML names). */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final GitHubConnection connection;
    private final String owner;

    /**
     * @param connection the platform's GitHub connection
     * @param owner      the user or organisation login, e.g. {@code octocat}
     * @throws IllegalArgumentException when {@code owner} cannot be a GitHub login
     */
    public GitHubAccountSource(GitHubConnection connection, String owner) {
        this.connection = Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(owner, "owner");
        if (!LOGIN.matcher(owner).matches()) {
            throw new IllegalArgumentException("not a GitHub user or organisation name: '" + owner + "'");
        }
        this.owner = owner;
    }

    /** {@code github:<owner>} in lower case: GitHub logins ignore case, so the id does too. */
    @Override
    public String id() {
        return "github:" + owner.toLowerCase(Locale.ROOT);
    }

    @Override
    public String kind() {
        return "github";
    }

    /** {@code GitHub octocat}, with the host added for anything but github.com. */
    @Override
    public String label() {
        String host = GitHubHosts.fromApiUrl(connection.apiUrl()).orElse(connection.apiUrl().getHost());
        return "github.com".equals(host) ? "GitHub " + owner : "GitHub " + owner + " (" + host + ")";
    }

    @Override
    public SourceScan scan() throws SourceUnavailableException, InterruptedException {
        try {
            return connection.call(this::list);
        } catch (GitHubUnavailableException failure) {
            throw new SourceUnavailableException(explain(failure), failure);
        }
    }

    /**
     * The platform's reason, said about this owner where the platform cannot know what was asked
     * for: a 404 here means the owner does not exist, a 403 that its repositories may not be listed.
     */
    private String explain(GitHubUnavailableException failure) {
        String githubSays = failure.githubMessage().map(text -> ": " + text).orElse("");
        return switch (failure.reason()) {
            case NOT_FOUND -> "no GitHub user or organisation named " + owner
                    + (GitHubHosts.fromApiUrl(connection.apiUrl()).filter("github.com"::equals).isPresent()
                    ? "" : " at " + RemoteUrls.redact(connection.apiUrl().toString()));
            case FORBIDDEN -> "GitHub refused access to " + owner + "'s repositories (403)" + githubSays;
            case REFUSED -> "GitHub answered HTTP " + failure.githubStatus().orElse(0) + " when listing " + owner
                    + "'s repositories" + githubSays;
            case UNEXPECTED -> "listing " + owner + "'s repositories on GitHub failed unexpectedly; try again,"
                    + " and see the server log if it persists";
            default -> failure.getMessage();
        };
    }

    private SourceScan list(GitHub github) throws IOException, InterruptedException {
        HostedRepositoryMapper mapper = new HostedRepositoryMapper(id(), GitHubHosts.fromApiUrl(connection.apiUrl()));
        List<HostedRepository> hosted = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // Iterating fetches the next page when the current one is used up; check for cancellation as we go.
        for (GHRepository repository : repositoriesOf(github)) {
            if (Thread.interrupted()) {
                throw new InterruptedException("GitHub scan of " + owner + " cancelled");
            }
            mapper.map(repository, warnings::add).ifPresent(hosted::add);
        }
        return new SourceScan(List.of(), hosted, warnings);
    }

    private PagedIterable<GHRepository> repositoriesOf(GitHub github) throws IOException {
        if (!github.isAnonymous()) {
            GHMyself myself = github.getMyself();
            if (owner.equalsIgnoreCase(myself.getLogin())) {
                return myself.listRepositories(PAGE_SIZE, GHMyself.RepositoryListFilter.OWNER);
            }
        }
        GHUser account = github.getUser(owner);
        if ("Organization".equals(account.getType())) {
            return github.getOrganization(owner).listRepositories(PAGE_SIZE);
        }
        return account.listRepositories(PAGE_SIZE);
    }
}
