package io.gitopsauditor.platform.core.internal.git;

import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import io.gitopsauditor.plugin.api.git.RefusedRemoteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SubmoduleConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.SystemReader;

/**
 * The platform's {@link GitRepositories}: the one place that opens repositories ({@link SafeRepository}
 * on a {@link ProcessFreeFs}, after the {@link OwnershipRule}) and reaches remotes (the
 * {@link RemotePolicy}, checked again on the URL the transport really uses, with the built-in
 * upload-pack forced). Shared by every plugin and the CLI.
 */
public final class PlatformGit implements GitRepositories {
    static {
        quietJGit();
    }

    private final OwnershipRule ownership;
    private final RemotePolicy remotes;
    private final ConfiguredGitHub github;

    /**
     * @param settings {@code git.*}
     * @param github   whose token is sent to the GitHub host, and nowhere else
     */
    public PlatformGit(GitSettings settings, ConfiguredGitHub github) {
        this(settings, github, PlatformGit::serviceUserSafeDirectories, ProcessUid.current());
    }

    PlatformGit(GitSettings settings, ConfiguredGitHub github, Supplier<List<String>> gitSafeDirectories, int processUid) {
        this.ownership = new OwnershipRule(settings.safeDirectories(), gitSafeDirectories, processUid);
        this.remotes = new RemotePolicy(settings.localRemotes(), github.apiUrl());
        this.github = github;
    }

    /**
     * JGit set up for the service, on the first repository it opens or clones rather than when the
     * platform boots: JGit's {@code FS} and {@code SystemReader} load a few hundred classes (its
     * message bundle, a shutdown hook) that a start would otherwise pay before the port opens.
     */
    private static final class ProcessFree {
        /** The file system of every repository the service opens; it keeps no state of a repository's. */
        static final ProcessFreeFs FS;

        static {
            CommandFreeEnvironment.install();
            FS = new ProcessFreeFs();
        }

        private ProcessFree() {
        }
    }

    /**
     * JGit logs, as errors with stack traces, what callers already report (a folder they may not read)
     * or can live without (saving its file-system timing cache into a home the service user may not
     * write): noise on a cron job's stderr. Set before any JGit class creates its logger, which this
     * class is now the first to make happen; {@code -Dorg.slf4j.simpleLogger.log.org.eclipse.jgit=warn}
     * brings the messages back.
     */
    private static void quietJGit() {
        if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jgit") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jgit", "off");
        }
    }

    /** {@code safe.directory} from the service user's global and system git config (never a repository's own). */
    private static List<String> serviceUserSafeDirectories() {
        try {
            return Arrays.asList(SystemReader.getInstance().getUserConfig().getStringList("safe", null, "directory"));
        } catch (IOException | ConfigInvalidException e) {
            // An unreadable git config allows nothing: the platform setting still can.
            return List.of();
        }
    }

    @Override
    public Repository open(Path path) throws IOException {
        Path folder = path.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setFS(ProcessFree.FS).setMustExist(true);
        boolean bare = !Files.exists(folder.resolve(".git")) && Files.isRegularFile(folder.resolve("HEAD"))
                && Files.isDirectory(folder.resolve("objects"));
        if (bare) {
            builder.setGitDir(folder.toFile());
        } else {
            // Resolves a .git file (submodule, linked worktree) to the real git folder.
            builder.setWorkTree(folder.toFile());
        }
        builder.setup();
        if (!builder.getGitDir().isDirectory()) {
            throw new RepositoryNotFoundException(folder.toFile());
        }
        ownership.check(folder, ownedPaths(folder, builder));
        SafeRepository repository = new SafeRepository(builder);
        if (!repository.getObjectDatabase().exists()) {
            repository.close();
            throw new RepositoryNotFoundException(builder.getGitDir());
        }
        return repository;
    }

    /**
     * Every path whose owner could steer what the opened repository does, as git checks them: the work
     * tree, the {@code .git} file that names the git folder (submodules, linked worktrees), the git and
     * common folders. The work tree is the one JGit will really use: set up from the repository's own
     * {@code core.worktree}, or its parent folder when {@code core.bare=false}, even for a folder that
     * looks bare; status runs there, and its {@code .gitattributes} name the filters.
     */
    private static List<Path> ownedPaths(Path folder, FileRepositoryBuilder builder) {
        List<Path> paths = new ArrayList<>();
        Path dotGit = folder.resolve(".git");
        if (Files.isRegularFile(dotGit)) {
            paths.add(dotGit);
        }
        if (builder.getWorkTree() != null && Files.exists(builder.getWorkTree().toPath())) {
            // A work tree that does not exist holds nothing to read; status then finds no files.
            paths.add(builder.getWorkTree().toPath());
        }
        paths.add(builder.getGitDir().toPath());
        if (builder.getGitCommonDir() != null) {
            paths.add(builder.getGitCommonDir().toPath());
        }
        return paths;
    }

    @Override
    public FetchResult fetch(Repository repository, String remote) throws GitAPIException {
        requireOpenedHere(repository);
        RemoteConfig config;
        try {
            // Reading the remote applies url.<base>.insteadOf: what is checked is what will be fetched.
            config = new RemoteConfig(repository.getConfig(), remote);
        } catch (java.net.URISyntaxException e) {
            throw new RefusedRemoteException("remote " + remote + " refused: its URL is not a git URL");
        }
        if (config.getURIs().isEmpty()) {
            throw new RefusedRemoteException("remote " + remote + " has no URL");
        }
        config.getURIs().forEach(remotes::check);
        URIish uri = config.getURIs().get(0);
        return Git.wrap(repository).fetch().setRemote(remote)
                .setRecurseSubmodules(SubmoduleConfig.FetchRecurseSubmodulesMode.NO)
                .setCredentialsProvider(credentialsFor(uri))
                .setTransportConfigCallback(this::guard)
                .call();
    }

    @Override
    public Repository clone(String url, Path target) throws GitAPIException, IOException {
        URIish uri = remotes.check(url);
        try (Git ignored = Git.cloneRepository().setFs(ProcessFree.FS).setURI(url).setDirectory(target.toFile())
                .setCloneSubmodules(false)
                .setCredentialsProvider(credentialsFor(uri))
                .setTransportConfigCallback(this::guard)
                .call()) {
            // Closed at once: from now on the clone is used like any other, through open().
        }
        return open(target);
    }

    @Override
    public CommitCommand commit(Repository repository) {
        requireOpenedHere(repository);
        // No hooks: pre-commit and commit-msg skipped here, the rest reported absent by ProcessFreeFs; no signing program.
        return Git.wrap(repository).commit().setNoVerify(true).setSign(false);
    }

    @Override
    public void checkRemote(String url) {
        remotes.check(url);
    }

    /** Runs on every transport a fetch or clone opens, after its URL was rewritten and its config applied. */
    private void guard(Transport transport) {
        remotes.check(transport.getURI());
        // Chosen again for the URL this transport really uses: the config may have changed since the
        // caller read it, and the provider itself re-checks the host of every request (redirects).
        transport.setCredentialsProvider(credentialsFor(transport.getURI()));
        transport.setOptionUploadPack(RemoteConfig.DEFAULT_UPLOAD_PACK);
        transport.setOptionReceivePack(RemoteConfig.DEFAULT_RECEIVE_PACK);
    }

    private static void requireOpenedHere(Repository repository) {
        if (!(repository instanceof SafeRepository)) {
            throw new IllegalArgumentException("open the repository with PluginContext.git().open(...) first");
        }
    }

    /** The GitHub token, only for https URLs on the configured GitHub host, never for anything else. */
    private CredentialsProvider credentialsFor(URIish uri) {
        return github.settings().token().isEmpty() || !isGitHubHost(uri) ? null
                : new GitHubOnlyCredentials(github.settings().token().get(), this::isGitHubHost);
    }

    private boolean isGitHubHost(URIish uri) {
        String host = uri.getHost();
        String apiHost = github.apiUrl().getHost();
        return host != null && uri.getScheme() != null && uri.getScheme().equalsIgnoreCase("https")
                && (host.equalsIgnoreCase(apiHost) || ("api." + host).equalsIgnoreCase(apiHost));
    }

    /**
     * GitHub's token, handed out only when the URL asking for it is https on the GitHub host: a
     * redirect to another host gets nothing.
     */
    static final class GitHubOnlyCredentials extends UsernamePasswordCredentialsProvider {
        private final Predicate<URIish> githubHost;

        GitHubOnlyCredentials(String token, Predicate<URIish> githubHost) {
            super("x-access-token", token);
            this.githubHost = githubHost;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) {
            return uri != null && githubHost.test(uri) && super.get(uri, items);
        }
    }

    /** The effective uid of this process: the owner of a file it creates. */
    static final class ProcessUid {
        private ProcessUid() {
        }

        static int current() {
            try {
                Path probe = Files.createTempFile("gitops-auditor-uid", ".tmp");
                try {
                    return (Integer) Files.getAttribute(probe, "unix:uid");
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot tell which user this process runs as: " + e.getMessage(), e);
            }
        }
    }
}
