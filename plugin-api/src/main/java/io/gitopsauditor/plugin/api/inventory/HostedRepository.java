package io.gitopsauditor.plugin.api.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * A repository as its hosting service (GitHub, or what another source adds) describes it.
 *
 * @param sourceId      the {@link RepositorySource#id()} that listed it
 * @param host          the host clones are made from, e.g. {@code github.com}
 * @param owner         the user or organisation
 * @param name          the repository name
 * @param cloneUrl      the HTTPS clone URL
 * @param sshUrl        the SSH clone URL, or {@code null}
 * @param webUrl        the page in a browser, or {@code null}
 * @param defaultBranch the default branch, or {@code null} for an empty repository
 * @param fork          whether it is a fork
 * @param archived      whether it is archived (read-only)
 * @param privateRepo   whether it is private
 * @param pushedAt      the last push, or {@code null}
 * @param description   its description, or {@code null}
 * @since 0.1
 */
public record HostedRepository(String sourceId, String host, String owner, String name, String cloneUrl, String sshUrl,
                               String webUrl, String defaultBranch, boolean fork, boolean archived, boolean privateRepo,
                               Instant pushedAt, String description) {

    /**
     * @throws NullPointerException when a required field is missing
     */
    public HostedRepository {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cloneUrl, "cloneUrl");
    }

    /**
     * @return {@code owner/name}
     */
    public String fullName() {
        return owner + "/" + name;
    }
}
