package io.gitopsauditor.platform.core.internal.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.platform.core.internal.github.GitHubSettings;
import io.gitopsauditor.plugin.api.git.RefusedRemoteException;
import io.gitopsauditor.plugin.api.git.UnsafeRepositoryException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a repository's config or content could make the service run a command, each with a
 * canary file the command would create.
 */
class PlatformGitTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");

    @TempDir
    Path dir;

    private Path canary() {
        return dir.resolve("canary");
    }

    private String touchCanary() {
        return "touch " + canary();
    }

    private PlatformGit service(List<String> safeDirectories, List<String> gitSafeDirectories) {
        return new PlatformGit(new GitSettings(safeDirectories, List.of(dir.resolve("remotes"))), github(),
                () -> gitSafeDirectories, PlatformGit.ProcessUid.current());
    }

    private PlatformGit service() {
        return service(List.of(), List.of());
    }

    private static ConfiguredGitHub github() {
        return new ConfiguredGitHub(new GitHubSettings(URI.create("https://api.github.com"), Optional.of("secret"),
                Duration.ofSeconds(5)));
    }

    /** A repository with one commit of a.txt, made with plain JGit (as a user's own clone would be). */
    private Path repository(String name) throws Exception {
        Path path = dir.resolve(name);
        try (Git git = Git.init().setDirectory(path.toFile()).setInitialBranch("main").call()) {
            Files.writeString(path.resolve(".gitattributes"), "*.txt filter=pwn\n");
            Files.writeString(path.resolve("a.txt"), "one");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
        return path;
    }

    private static void configure(Path repository, String section, String subsection, String name, String value)
            throws Exception {
        try (Git git = Git.open(repository.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString(section, subsection, name, value);
            config.save();
        }
    }

    private Status statusAfterEdit(Path repository) throws Exception {
        Files.writeString(repository.resolve("a.txt"), "two");
        try (Repository opened = service().open(repository)) {
            return Git.wrap(opened).status().call();
        }
    }

    @Test
    void cleanFilterIsNotRunByStatusAndTheChangeIsStillSeen() throws Exception {
        Path repository = repository("clean");
        configure(repository, "filter", "pwn", "clean", touchCanary());
        assertThat(statusAfterEdit(repository).getModified()).containsExactly("a.txt");
        assertThat(canary()).doesNotExist();
    }

    @Test
    void processFilterIsNotRun() throws Exception {
        Path repository = repository("process");
        configure(repository, "filter", "pwn", "process", touchCanary());
        configure(repository, "filter", "pwn", "required", "true");
        assertThat(statusAfterEdit(repository).getModified()).containsExactly("a.txt");
        assertThat(canary()).doesNotExist();
    }

    @Test
    void fsmonitorIsNotRun() throws Exception {
        Path repository = repository("fsmonitor");
        configure(repository, "core", null, "fsmonitor", touchCanary());
        assertThat(statusAfterEdit(repository).getModified()).containsExactly("a.txt");
        assertThat(canary()).doesNotExist();
    }

    @Test
    void filterSetInAnIncludedFileIsNotRun() throws Exception {
        Path repository = repository("include");
        Path included = dir.resolve("included.config");
        Files.writeString(included, "[filter \"pwn\"]\n\tclean = " + touchCanary() + "\n\tsmudge = " + touchCanary() + "\n");
        configure(repository, "include", null, "path", included.toString());
        assertThat(statusAfterEdit(repository).getModified()).containsExactly("a.txt");
        assertThat(canary()).doesNotExist();
    }

    @Test
    void smudgeFilterIsNotRunOnCheckoutAndTheFileIsCheckedOut() throws Exception {
        Path repository = repository("smudge");
        try (Git git = Git.open(repository.toFile())) {
            git.branchCreate().setName("other").call();
            Files.writeString(repository.resolve("b.txt"), "bee");
            git.add().addFilepattern("b.txt").call();
            git.commit().setMessage("b").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
        configure(repository, "filter", "pwn", "smudge", touchCanary());
        try (Repository opened = service().open(repository)) {
            Git.wrap(opened).checkout().setName("other").call();
            Git.wrap(opened).checkout().setName("main").call();
        }
        assertThat(canary()).doesNotExist();
        assertThat(repository.resolve("b.txt")).hasContent("bee");
    }

    @Test
    void executableFileIsStillCheckedOutExecutableWithTheUmaskReadFromProc() throws Exception {
        Path repository = repository("executable");
        try (Git git = Git.open(repository.toFile())) {
            git.branchCreate().setName("other").call();
            git.checkout().setName("other").call();
            Path script = repository.resolve("run.sh");
            Files.writeString(script, "#!/bin/sh\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            git.add().addFilepattern("run.sh").call();
            git.commit().setMessage("script").setAuthor(ME).setCommitter(ME).setSign(false).call();
            git.checkout().setName("main").call();
        }
        try (Repository opened = service().open(repository)) {
            Git.wrap(opened).checkout().setName("other").call();
        }
        assertThat(Files.isExecutable(repository.resolve("run.sh"))).isTrue();
    }

    @Test
    void postCheckoutHookIsNotRun() throws Exception {
        Path repository = repository("post-checkout");
        hook(repository.resolve(".git/hooks"), "post-checkout");
        try (Repository opened = service().open(repository)) {
            Git.wrap(opened).checkout().setCreateBranch(true).setName("other").call();
        }
        assertThat(canary()).doesNotExist();
    }

    @Test
    void commitThroughTheServiceRunsNoHookAndDoesNotSign() throws Exception {
        Path repository = repository("hooks");
        for (String hook : List.of("pre-commit", "commit-msg", "post-commit", "prepare-commit-msg")) {
            hook(repository.resolve(".git/hooks"), hook);
        }
        configure(repository, "commit", null, "gpgSign", "true");
        configure(repository, "gpg", null, "program", dir.resolve("gpg-canary").toString());
        PlatformGit git = service();
        RevCommit commit;
        try (Repository opened = git.open(repository)) {
            Files.writeString(repository.resolve("c.md"), "see");
            Git.wrap(opened).add().addFilepattern("c.md").call();
            commit = git.commit(opened).setMessage("c").setAuthor(ME).setCommitter(ME).call();
        }
        assertThat(canary()).doesNotExist();
        assertThat(commit.getRawGpgSignature()).isNull();
    }

    @Test
    void hooksUnderCoreHooksPathAreNotRun() throws Exception {
        Path repository = repository("hooks-path");
        Path hooks = dir.resolve("elsewhere");
        for (String hook : List.of("pre-commit", "commit-msg", "post-commit")) {
            hook(hooks, hook);
        }
        configure(repository, "core", null, "hooksPath", hooks.toString());
        PlatformGit git = service();
        try (Repository opened = git.open(repository)) {
            git.commit(opened).setAllowEmpty(true).setMessage("empty").setAuthor(ME).setCommitter(ME).call();
        }
        assertThat(canary()).doesNotExist();
    }

    @Test
    void fileSystemOfAnOpenedRepositoryRefusesToStartAnyProcess() throws Exception {
        try (Repository opened = service().open(repository("fs"))) {
            assertThatThrownBy(() -> opened.getFS().runInShell(touchCanary(), new String[0]))
                    .isInstanceOf(ProcessRefusedException.class);
            assertThatThrownBy(() -> opened.getFS().execute(new ProcessBuilder("sh", "-c", touchCanary()), null))
                    .isInstanceOf(ProcessRefusedException.class);
            assertThat(opened.getFS().runHookIfPresent(opened, "pre-commit", new String[0]).getStatus())
                    .isEqualTo(org.eclipse.jgit.util.ProcessResult.Status.NOT_PRESENT);
        }
        assertThat(canary()).doesNotExist();
    }

    @Test
    void uploadPackNamedByTheCloneIsReplacedByTheBuiltInOne() throws Exception {
        Path upstream = bareUpstream();
        Path clone = dir.resolve("clone");
        Git.cloneRepository().setURI(upstream.toString()).setDirectory(clone.toFile()).call().close();
        configure(clone, "remote", "origin", "uploadpack", touchCanary() + "; git-upload-pack");
        PlatformGit git = service();
        try (Repository opened = git.open(clone)) {
            assertThat(git.fetch(opened, "origin").getAdvertisedRefs()).isNotEmpty();
        }
        assertThat(canary()).doesNotExist();
    }

    @Test
    void sshCommandIsNotRunOnAFetch() throws Exception {
        Path repository = repository("ssh");
        configure(repository, "remote", "origin", "url", "ssh://127.0.0.1:1/x");
        configure(repository, "core", null, "sshCommand", touchCanary());
        PlatformGit git = service();
        try (Repository opened = git.open(repository)) {
            assertThatThrownBy(() -> git.fetch(opened, "origin")).isNotInstanceOf(RefusedRemoteException.class);
        }
        assertThat(canary()).doesNotExist();
    }

    @Test
    void credentialHelperIsNotRunOnAFetch() throws Exception {
        Path repository = repository("credential");
        configure(repository, "remote", "origin", "url", "https://127.0.0.1:1/x.git");
        configure(repository, "credential", null, "helper", "!" + touchCanary());
        PlatformGit git = service();
        try (Repository opened = git.open(repository)) {
            assertThatThrownBy(() -> git.fetch(opened, "origin")).isNotInstanceOf(RefusedRemoteException.class);
        }
        assertThat(canary()).doesNotExist();
    }

    @Test
    void theClonesHttpSettingsAreReadAsUnsetSoTlsIsAlwaysVerified() throws Exception {
        Path clone = repository("http-settings");
        configure(clone, "http", null, "sslVerify", "false");
        configure(clone, "http", "https://github.com/", "sslVerify", "false");
        configure(clone, "http", null, "cookieFile", dir.resolve("cookies").toString());
        configure(clone, "http", null, "saveCookies", "true");
        configure(clone, "http", null, "extraHeader", "X-Evil: 1");
        try (Repository repository = service().open(clone)) {
            StoredConfig config = repository.getConfig();
            assertThat(config.getBoolean("http", null, "sslVerify", true)).isTrue();
            assertThat(config.getBoolean("http", "https://github.com/", "sslVerify", true)).isTrue();
            assertThat(config.getString("http", null, "cookieFile")).isNull();
            assertThat(config.getBoolean("http", null, "saveCookies", false)).isFalse();
            assertThat(config.getStringList("http", null, "extraHeader")).isEmpty();
        }
    }

    @Test
    void gitHubsTokenIsHandedOnlyToTheGitHubHostEvenAfterARedirect() {
        PlatformGit.GitHubOnlyCredentials credentials = new PlatformGit.GitHubOnlyCredentials("secret-token",
                uri -> "github.com".equals(uri.getHost()));
        CredentialItem.Username name = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        assertThat(credentials.get(uri("https://evil.example/o/r.git"), name, password)).isFalse();
        assertThat(password.getValue()).isNull();
        assertThat(credentials.get(uri("https://github.com/o/r.git"), name, password)).isTrue();
        assertThat(new String(password.getValue())).isEqualTo("secret-token");
    }

    private static URIish uri(String text) {
        try {
            return new URIish(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void transportsOutsideThePolicyAreRefusedWithAReason() {
        PlatformGit git = service();
        assertThatThrownBy(() -> git.checkRemote("ext::sh -c touch% " + canary())).hasMessageContaining("ext::")
                .hasMessageContaining("transport helpers");
        assertThatThrownBy(() -> git.checkRemote("git://example.org/x.git")).hasMessageContaining("git://");
        assertThatThrownBy(() -> git.checkRemote("http://example.org/x.git")).hasMessageContaining("plain http://");
        assertThatThrownBy(() -> git.checkRemote("amazon-s3://bucket/x")).hasMessageContaining("amazon-s3");
        assertThatThrownBy(() -> git.checkRemote("sftp://example.org/x")).hasMessageContaining("sftp");
        assertThatThrownBy(() -> git.checkRemote("file://" + dir.resolve("outside"))).hasMessageContaining("git.local-remotes");
        assertThatThrownBy(() -> git.checkRemote(dir.resolve("outside").toString())).hasMessageContaining("git.local-remotes");
        git.checkRemote("https://github.com/o/r.git");
        git.checkRemote("ssh://git@github.com/o/r.git");
        git.checkRemote("git@github.com:o/r.git");
        git.checkRemote(dir.resolve("remotes/r.git").toString());
        git.checkRemote("file://" + dir.resolve("remotes/r.git"));
        assertThat(canary()).doesNotExist();
    }

    @Test
    void plainHttpIsReachedOnlyAtTheConfiguredGitHubAddressWhenThatIsHttpItself() {
        ConfiguredGitHub standIn = new ConfiguredGitHub(new GitHubSettings(URI.create("http://127.0.0.1:8123/"), Optional.empty(),
                Duration.ofSeconds(5)));
        PlatformGit git = new PlatformGit(new GitSettings(List.of(), List.of()), standIn, List::of, PlatformGit.ProcessUid.current());
        git.checkRemote("http://127.0.0.1:8123/o/r.git");
        assertThatThrownBy(() -> git.checkRemote("http://127.0.0.1:9999/o/r.git")).hasMessageContaining("plain http://");
        assertThatThrownBy(() -> git.checkRemote("http://localhost:8123/o/r.git")).hasMessageContaining("plain http://");
        assertThatThrownBy(() -> service().checkRemote("http://api.github.com/o/r.git")).hasMessageContaining("plain http://");
    }

    @Test
    void bundleFilesAreRefusedEvenUnderALocalRemotesFolder() throws Exception {
        Files.createDirectories(dir.resolve("remotes"));
        Files.writeString(dir.resolve("remotes/x.bundle"), "# v2 git bundle\n");
        assertThatThrownBy(() -> service().checkRemote(dir.resolve("remotes/x.bundle").toString()))
                .isInstanceOf(RefusedRemoteException.class).hasMessageContaining("bundle");
    }

    @Test
    void protocolAllowInTheClonesConfigDoesNotWidenThePolicy() throws Exception {
        Path outside = bareUpstream("outside");
        Path repository = repository("protocol");
        configure(repository, "remote", "origin", "url", "file://" + outside);
        configure(repository, "protocol", "file", "allow", "always");
        configure(repository, "protocol", null, "allow", "always");
        PlatformGit git = service();
        try (Repository opened = git.open(repository)) {
            assertThatThrownBy(() -> git.fetch(opened, "origin")).isInstanceOf(RefusedRemoteException.class)
                    .hasMessageContaining("git.local-remotes");
        }
    }

    @Test
    void insteadOfRewritingIntoARefusedUrlIsRefused() throws Exception {
        Path repository = repository("instead-of");
        configure(repository, "remote", "origin", "url", "https://example.org/x.git");
        configure(repository, "url", "ext::sh -c touch% " + canary() + " #", "insteadOf", "https://example.org/");
        PlatformGit git = service();
        try (Repository opened = git.open(repository)) {
            assertThatThrownBy(() -> git.fetch(opened, "origin")).isInstanceOf(RefusedRemoteException.class);
        }
        configure(repository, "url", "git://example.org/", "insteadOf", "https://example.org/");
        try (Repository opened = git.open(repository)) {
            assertThatThrownBy(() -> git.fetch(opened, "origin")).isInstanceOf(RefusedRemoteException.class)
                    .hasMessageContaining("git://");
        }
        assertThat(canary()).doesNotExist();
    }

    @Test
    void cloneFromAConfiguredLocalRemoteChecksOutWithoutRunningAnything() throws Exception {
        Path upstream = bareUpstream();
        PlatformGit git = service();
        try (Repository clone = git.clone(upstream.toString(), dir.resolve("cloned"))) {
            assertThat(clone).isInstanceOf(SafeRepository.class);
            assertThat(clone.getBranch()).isEqualTo("main");
        }
        assertThat(dir.resolve("cloned/a.txt")).hasContent("one");
        assertThat(canary()).doesNotExist();
    }

    @Test
    void repositoryOwnedByAnotherUserIsRefusedWithTheSettingThatAllowsIt() throws Exception {
        Path repository = repository("foreign");
        chown(repository, 65534);
        assertThatThrownBy(() -> service().open(repository)).isInstanceOf(UnsafeRepositoryException.class)
                .hasMessageContaining("owned by uid 65534").hasMessageContaining("git.safe-directories")
                .hasMessageContaining("safe.directory");
    }

    @Test
    void repositoryOwnedByAnotherUserOpensWhenListedInGitSafeDirectories() throws Exception {
        Path repository = repository("foreign");
        chown(repository, 65534);
        service(List.of(repository.toString()), List.of()).open(repository).close();
        service(List.of(dir + "/*"), List.of()).open(repository).close();
        service(List.of("*"), List.of()).open(repository).close();
        assertThatThrownBy(() -> service(List.of(dir.resolve("other").toString()), List.of()).open(repository))
                .isInstanceOf(UnsafeRepositoryException.class);
    }

    @Test
    void repositoryOwnedByAnotherUserOpensWhenTheServiceUsersGitConfigListsIt() throws Exception {
        Path repository = repository("foreign");
        chown(repository, 65534);
        service(List.of(), List.of(repository.toString())).open(repository).close();
        // An empty safe.directory clears the entries before it, as in git.
        assertThatThrownBy(() -> service(List.of(), List.of(repository.toString(), "")).open(repository))
                .isInstanceOf(UnsafeRepositoryException.class);
    }

    @Test
    void safeDirectoryInTheRepositorysOwnConfigAllowsNothing() throws Exception {
        Path repository = repository("foreign");
        configure(repository, "safe", null, "directory", "*");
        chown(repository, 65534);
        assertThatThrownBy(() -> service().open(repository)).isInstanceOf(UnsafeRepositoryException.class);
    }

    @Test
    void gitFileOwnedByAnotherUserIsRefusedThoughItsGitFolderIsOwn() throws Exception {
        Path repository = repository("linked");
        Path gitFolder = Files.move(repository.resolve(".git"), dir.resolve("linked.git"));
        Path gitFile = Files.writeString(repository.resolve(".git"), "gitdir: " + gitFolder + "\n");
        chown(gitFile, 65534);
        assertThatThrownBy(() -> service().open(repository)).isInstanceOf(UnsafeRepositoryException.class)
                .hasMessageContaining("owned by uid 65534");
    }

    @Test
    void symlinkedGitFolderPointingAtAFolderOfAnotherUserIsRefused() throws Exception {
        Path repository = repository("symlinked");
        Path gitFolder = Files.move(repository.resolve(".git"), dir.resolve("elsewhere.git"));
        Files.createSymbolicLink(repository.resolve(".git"), gitFolder);
        chown(gitFolder, 65534);
        assertThatThrownBy(() -> service().open(repository)).isInstanceOf(UnsafeRepositoryException.class)
                .hasMessageContaining("owned by uid 65534");
    }

    @Test
    void workTreeNamedByCoreWorktreeAndOwnedByAnotherUserIsRefused() throws Exception {
        Path bare = bareUpstream("shared.git");
        Path foreignTree = Files.createDirectories(dir.resolve("foreign-tree"));
        configure(bare, "core", null, "worktree", foreignTree.toString());
        chown(foreignTree, 65534);
        assertThatThrownBy(() -> service().open(bare)).isInstanceOf(UnsafeRepositoryException.class)
                .hasMessageContaining("owned by uid 65534");
    }

    @Test
    void parentFolderOfARepositoryWithCoreBareFalseIsCheckedAsItsWorkTree() throws Exception {
        Path foreignParent = Files.createDirectories(dir.resolve("foreign-parent"));
        Path bare = bareUpstream("foreign-parent/shared.git");
        configure(bare, "core", null, "bare", "false");
        assumeTrue(PlatformGit.ProcessUid.current() == 0, "giving files to uid 65534 needs root");
        Files.setAttribute(foreignParent, "unix:uid", 65534);
        assertThatThrownBy(() -> service().open(bare)).isInstanceOf(UnsafeRepositoryException.class)
                .hasMessageContaining("owned by uid 65534");
    }

    private Path bareUpstream() throws Exception {
        return bareUpstream("remotes/upstream.git");
    }

    private Path bareUpstream(String name) throws Exception {
        Path seed = repository("seed-" + name.replace('/', '-'));
        Path upstream = dir.resolve(name);
        Git.cloneRepository().setURI(seed.toUri().toString()).setBare(true).setDirectory(upstream.toFile()).call().close();
        return upstream;
    }

    private void hook(Path hooks, String name) throws Exception {
        Files.createDirectories(hooks);
        Path hook = hooks.resolve(name);
        Files.writeString(hook, "#!/bin/sh\n" + touchCanary() + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Only root may give a file to another user; elsewhere the ownership tests are skipped, not failed. */
    private static void chown(Path root, int uid) throws Exception {
        assumeTrue(PlatformGit.ProcessUid.current() == 0, "giving files to uid " + uid + " needs root");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Files.setAttribute(file, "unix:uid", uid);
            }
        }
    }
}
