package io.gitopsauditor.plugin.api.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;

/**
 * Opens and operates git repositories safely; the only way a plugin may (an architecture rule
 * forbids {@code Git.open}, {@code FileRepositoryBuilder}, {@code Transport.open},
 * {@code ProcessBuilder} ... in plugins).
 *
 * <p>Every {@link Repository} handed out here:
 * <ul>
 *   <li>never starts a process: filters ({@code clean}, {@code smudge}, {@code process}), hooks
 *       (also under {@code core.hooksPath}), {@code core.fsmonitor}, credential helpers,
 *       {@code core.sshCommand}, {@code remote.*.uploadpack} and {@code receivepack} are read as
 *       if unset, and the repository's file system refuses to start any process at all;</li>
 *   <li>was checked like git's {@code safe.directory} rule: a work tree or git folder owned by
 *       another user is refused with {@link UnsafeRepositoryException} unless the platform setting
 *       {@code git.safe-directories} or {@code safe.directory} in the service user's own git
 *       config allows it.</li>
 * </ul>
 * Remotes are reached only through {@link #fetch} and {@link #clone}, which accept https and ssh
 * URLs, and local paths or {@code file://} URLs under the folders of {@code git.local-remotes};
 * anything else (git://, http://, {@code ext::}, bundles ...) is refused with
 * {@link RefusedRemoteException}. URLs are checked after {@code url.<base>.insteadOf} rewriting.
 *
 * <p>A plugin reads a clone like this:
 * <pre>{@code
 * try (Repository repository = context.git().open(path)) {
 *     Status status = Git.wrap(repository).status().call();
 * }
 * }</pre>
 *
 * @since 0.2
 */
public interface GitRepositories {

    /**
     * Opens a working tree (its {@code .git} folder or {@code .git} file, as in linked worktrees and
     * submodules) or a bare repository. Close it when done.
     *
     * @param path the working tree, or the bare repository's folder
     * @return the repository, with the guarantees above
     * @throws UnsafeRepositoryException when the repository belongs to another user and is not allowed
     * @throws IOException               when it is not a repository or cannot be read
     */
    Repository open(Path path) throws IOException;

    /**
     * Fetches one remote of a repository opened here, with the built-in upload-pack whatever the
     * repository's config says. GitHub's token is sent only to the configured GitHub host.
     *
     * @param repository a repository from {@link #open} or {@link #clone}
     * @param remote     the remote's name, e.g. {@code origin}
     * @return what was fetched
     * @throws RefusedRemoteException when the remote's URL (after rewriting) is not allowed
     * @throws GitAPIException        when the fetch fails
     */
    FetchResult fetch(Repository repository, String remote) throws GitAPIException;

    /**
     * Clones a repository into an empty or absent folder and checks out its default branch.
     *
     * @param url    the remote, under the same policy as {@link #fetch}
     * @param target where the working tree goes
     * @return the new clone, opened as by {@link #open}; close it when done
     * @throws RefusedRemoteException when the URL is not allowed
     * @throws GitAPIException        when the clone fails
     * @throws IOException            when the clone cannot be opened afterwards
     */
    Repository clone(String url, Path target) throws GitAPIException, IOException;

    /**
     * A commit command for a repository opened here that runs no hook ({@code pre-commit},
     * {@code commit-msg}, {@code post-commit}) and does not sign. Set the message and author, then call it.
     *
     * @param repository a repository from {@link #open} or {@link #clone}
     * @return the command
     */
    CommitCommand commit(Repository repository);

    /**
     * Checks a remote URL against the transport policy without contacting it, e.g. to show a
     * refusal before a fix is offered.
     *
     * @param url a remote URL or local path
     * @throws RefusedRemoteException with the reason when it is not allowed
     */
    void checkRemote(String url);
}
