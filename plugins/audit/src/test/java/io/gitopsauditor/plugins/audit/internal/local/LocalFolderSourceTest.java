package io.gitopsauditor.plugins.audit.internal.local;

import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.commit;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.git;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.init;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.plugin.api.inventory.SourceUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderSourceTest {

    @TempDir
    Path root;

    private SourceScan scan() throws Exception {
        return new LocalFolderSource(root).scan();
    }

    private static LocalClone at(SourceScan scan, Path path) {
        return scan.clones().stream().filter(c -> c.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing reported at " + path + " in " + scan.clones()));
    }

    @Test
    void workingTreeIsReportedWithItsRemotesInConfigOrder() throws Exception {
        try (Git git = init(root.resolve("app"))) {
            commit(git, "README", "hello");
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "zeta", "url", "https://example.org/zeta.git");
            config.setString("remote", "origin", "url", "git@github.com:me/app.git");
            config.save();
        }
        LocalClone app = at(scan(), root.resolve("app"));
        assertThat(app.kind()).isEqualTo(CloneKind.WORKING_TREE);
        assertThat(app.sourceId()).isEqualTo("local:" + root.toAbsolutePath());
        assertThat(app.remotes()).containsExactly(Map.entry("zeta", "https://example.org/zeta.git"),
                Map.entry("origin", "git@github.com:me/app.git"));
        assertThat(app.enclosing()).isNull();
        assertThat(app.problem()).isNull();
    }

    @Test
    void folderNamesWithQuotesSpacesNewlinesAndNonAsciiAreFound() throws Exception {
        Set<String> names = Set.of("it's \"quoted\"", "with space", "new\nline", "ünïcødé-日本");
        for (String name : names) {
            init(root.resolve(name)).close();
        }
        SourceScan scan = scan();
        assertThat(scan.clones()).extracting(c -> c.path().getFileName().toString()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(scan.clones()).allSatisfy(c -> assertThat(c.kind()).isEqualTo(CloneKind.WORKING_TREE));
        assertThat(scan.clones()).extracting(LocalClone::path).isSorted();
    }

    @Test
    void bareRepositoryIsReportedAndNotEntered() throws Exception {
        Git.init().setBare(true).setDirectory(root.resolve("server.git").toFile()).call().close();
        init(root.resolve("server.git/hooks/oddly-nested")).close();
        SourceScan scan = scan();
        assertThat(scan.clones()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo(root.resolve("server.git"));
            assertThat(c.kind()).isEqualTo(CloneKind.BARE);
        });
    }

    @Test
    void depthLimitsTheWalkAndEmptyTopFoldersAreNotRepositories() throws Exception {
        init(root.resolve("group/team/deep")).close();
        init(root.resolve("far/a/b/too-deep")).close();
        write(root.resolve("notes/todo.txt"), "not in git");
        init(root.resolve("node_modules/dependency")).close();
        SourceScan scan = scan();
        assertThat(scan.clones()).extracting(LocalClone::path, LocalClone::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(root.resolve("far"), CloneKind.NOT_A_REPOSITORY),
                org.assertj.core.groups.Tuple.tuple(root.resolve("group/team/deep"), CloneKind.WORKING_TREE),
                org.assertj.core.groups.Tuple.tuple(root.resolve("notes"), CloneKind.NOT_A_REPOSITORY));
        assertThat(at(scan, root.resolve("notes")).problem()).isEqualTo("no Git repository within 3 levels");
    }

    @Test
    void nestedRepositoryNamesItsEnclosingOneAndSkippedFoldersStaySkipped() throws Exception {
        init(root.resolve("outer")).close();
        init(root.resolve("outer/libs/inner")).close();
        init(root.resolve("outer/target/generated")).close();
        SourceScan scan = scan();
        assertThat(scan.clones()).extracting(LocalClone::path).containsExactly(root.resolve("outer"), root.resolve("outer/libs/inner"));
        assertThat(at(scan, root.resolve("outer/libs/inner")).enclosing()).isEqualTo(root.resolve("outer"));
    }

    @Test
    void linkedWorktreeAndSubmoduleNameTheirRepository() throws Exception {
        Path library = root.resolve("library");
        try (Git git = init(library)) {
            commit(git, "lib.txt", "lib");
        }
        Path app = root.resolve("app");
        try (Git git = init(app)) {
            commit(git, "app.txt", "app");
        }
        git(app, "submodule", "add", library.toString(), "deps/library");
        git(app, "commit", "-m", "add library");
        git(app, "worktree", "add", "-b", "hotfix", root.resolve("app-hotfix").toString());
        SourceScan scan = scan();
        LocalClone worktree = at(scan, root.resolve("app-hotfix"));
        assertThat(worktree.kind()).isEqualTo(CloneKind.LINKED_WORKTREE);
        assertThat(worktree.enclosing()).isEqualTo(app);
        LocalClone submodule = at(scan, app.resolve("deps/library"));
        assertThat(submodule.kind()).isEqualTo(CloneKind.SUBMODULE);
        assertThat(submodule.enclosing()).isEqualTo(app);
        assertThat(submodule.remotes()).containsEntry("origin", library.toString());
        assertThat(scan.warnings()).isEmpty();
    }

    @Test
    void symlinkLoopsAreNotFollowedTwice() throws Exception {
        init(root.resolve("loop/real")).close();
        Files.createSymbolicLink(root.resolve("loop/real/up"), root);
        Files.createSymbolicLink(root.resolve("loop/self"), root.resolve("loop"));
        SourceScan scan = scan();
        assertThat(scan.clones()).extracting(LocalClone::path).containsExactly(root.resolve("loop/real"));
    }

    @Test
    void aSymlinkToARepositoryUnderTheRootIsReportedOnceUnderItsRealPathWhicheverSortsFirst() throws Exception {
        init(root.resolve("middle")).close();
        Files.createSymbolicLink(root.resolve("a-link"), root.resolve("middle"));
        Files.createSymbolicLink(root.resolve("z-link"), root.resolve("middle"));
        SourceScan scan = scan();
        assertThat(scan.clones()).extracting(LocalClone::path, LocalClone::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(root.resolve("middle").toRealPath(), CloneKind.WORKING_TREE));
        assertThat(scan.warnings()).isEmpty();
    }

    @Test
    void aSymlinkToARepositoryOutsideTheRootIsFollowedOnce(@TempDir Path elsewhere) throws Exception {
        init(elsewhere.resolve("outside")).close();
        Files.createSymbolicLink(root.resolve("linked"), elsewhere.resolve("outside"));
        Files.createSymbolicLink(root.resolve("linked-again"), elsewhere.resolve("outside"));
        assertThat(scan().clones()).extracting(LocalClone::path, LocalClone::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(elsewhere.resolve("outside").toRealPath(), CloneKind.WORKING_TREE));
    }

    @Test
    void brokenGitFolderIsUnreadableWithAWarning() throws Exception {
        init(root.resolve("broken")).close();
        Files.writeString(root.resolve("broken/.git/HEAD"), "garbage\n");
        write(root.resolve("dangling/.git"), "gitdir: ../nowhere/.git/modules/x\n");
        SourceScan scan = scan();
        assertThat(at(scan, root.resolve("broken")).kind()).isEqualTo(CloneKind.UNREADABLE);
        assertThat(at(scan, root.resolve("broken")).problem()).startsWith(".git is not a valid repository");
        assertThat(at(scan, root.resolve("dangling")).kind()).isEqualTo(CloneKind.UNREADABLE);
        assertThat(at(scan, root.resolve("dangling")).problem()).startsWith(".git file points to a missing folder");
        assertThat(scan.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).doesNotContain("\n"));
    }

    @Test
    void folderWithoutPermissionIsUnreadable() throws Exception {
        Path locked = root.resolve("locked/inside");
        init(locked.resolve("repo")).close();
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked) && canList(locked),
                    "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not deny access here");
            SourceScan scan = scan();
            assertThat(at(scan, locked).kind()).isEqualTo(CloneKind.UNREADABLE);
            assertThat(at(scan, locked).problem()).contains("permission denied");
            assertThat(scan.warnings()).singleElement().asString().contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void gitFolderWithoutPermissionSaysPermissionDenied() throws Exception {
        try (Git git = init(root.resolve("locked"))) {
            commit(git, "a.txt", "1");
        }
        init(root.resolve("readable")).close();
        Path dotGit = root.resolve("locked/.git");
        Files.setPosixFilePermissions(dotGit, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(dotGit),
                    "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not deny access here");
            SourceScan scan = scan();
            assertThat(at(scan, root.resolve("locked")).kind()).isEqualTo(CloneKind.UNREADABLE);
            assertThat(at(scan, root.resolve("locked")).problem()).isEqualTo("permission denied: " + dotGit);
            assertThat(at(scan, root.resolve("readable")).kind()).isEqualTo(CloneKind.WORKING_TREE);
            assertThat(scan.warnings()).containsExactly(root.resolve("locked") + ": permission denied: " + dotGit);
        } finally {
            Files.setPosixFilePermissions(dotGit, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean canList(Path dir) {
        try (var children = Files.list(dir)) {
            return children.count() >= 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void missingRootMakesTheSourceUnavailable() throws Exception {
        assertThatThrownBy(() -> new LocalFolderSource(root.resolve("absent")).scan())
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("does not exist");
        write(root.resolve("file"), "x");
        assertThatThrownBy(() -> new LocalFolderSource(root.resolve("file")).scan())
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("is a file, not a folder");
    }

    @Test
    void rootThatIsARepositoryIsReportedItself() throws Exception {
        init(root).close();
        write(root.resolve("src/Main.java"), "class Main {}");
        assertThat(scan().clones()).extracting(LocalClone::path, LocalClone::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(root, CloneKind.WORKING_TREE));
    }
}
