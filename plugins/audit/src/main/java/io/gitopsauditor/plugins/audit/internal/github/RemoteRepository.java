package io.gitopsauditor.plugins.audit.internal.github;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a git remote points: a repository on a hosting service, independent of the protocol
 * (HTTPS, SSH, git) and of credentials written into the URL.
 *
 * @param host  the host name in lower case, without port: SSH and HTTPS of one server differ in
 *              port, and both reach the same repository
 * @param owner the user, organisation (or group path) as written in the URL
 * @param name  the repository name, without {@code .git}
 */
public record RemoteRepository(String host, String owner, String name) {

    public RemoteRepository {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
    }

    /**
     * @return {@code host/owner/name} in lower case, the inventory key of a hosted repository;
     *         GitHub treats owner and name case-insensitively, so the key must too
     */
    public String key() {
        return (host + "/" + owner + "/" + name).toLowerCase(Locale.ROOT);
    }
}
