package io.gitopsauditor.plugins.audit.internal.local;

import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.commit;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.git;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.init;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.TestGit;
import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugins.audit.internal.model.BranchStatus;
import io.gitopsauditor.plugins.audit.internal.model.CloneStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneInspectorTest {

    @TempDir
    Path dir;

    private final CloneInspector inspector = new CloneInspector(TestGit.service(), Clock.systemUTC());

    private static LocalClone clone(Path path, CloneKind kind) {
        return new LocalClone("local:test", path, kind, Map.of(), null, null);
    }

    @Test
    void repositoryWithoutCommitsHasNoHeadCommit() throws Exception {
        init(dir.resolve("empty")).close();
        CloneStatus status = inspector.inspect(clone(dir.resolve("empty"), CloneKind.WORKING_TREE));
        assertThat(status.problem()).isNull();
        assertThat(status.hasCommits()).isFalse();
        assertThat(status.headBranch()).isEqualTo("main");
        assertThat(status.headCommit()).isNull();
        assertThat(status.branches()).isEmpty();
        assertThat(status.lastCommitAt()).isNull();
        assertThat(status.dirty()).isFalse();
    }

    @Test
    void cloneWithLocalWorkReportsEveryBranchStashAndChange() throws Exception {
        Path seed = dir.resolve("seed");
        try (Git git = init(seed)) {
            commit(git, "a.txt", "one");
        }
        git(dir, "clone", "--bare", seed.toString(), "remote.git");
        git(dir, "clone", "remote.git", "mine");
        git(dir, "clone", "remote.git", "theirs");
        Path mine = dir.resolve("mine");
        Path theirs = dir.resolve("theirs");
        // Someone else pushes one commit, which mine fetches: behind 1.
        try (Git other = Git.open(theirs.toFile())) {
            commit(other, "b.txt", "theirs");
            other.push().call();
        }
        RevCommit last;
        try (Git git = Git.open(mine.toFile())) {
            git.fetch().call();
            commit(git, "c.txt", "mine 1");
            last = commit(git, "d.txt", "mine 2");
            // A branch pushed once, whose remote branch was then deleted and pruned: upstream gone.
            git(mine, "push", "-q", "origin", "main:old-topic");
            git(mine, "fetch", "-q");
            git(mine, "branch", "old-topic", "--track", "origin/old-topic");
            git(mine, "push", "origin", "--delete", "old-topic");
            git(mine, "fetch", "--prune");
            git(mine, "branch", "feature");
            write(mine.resolve("a.txt"), "stashed change");
            git.stashCreate().setPerson(TestRepos.ME).call();
            write(mine.resolve("a.txt"), "unstaged change");
            write(mine.resolve("new.txt"), "staged");
            git.add().addFilepattern("new.txt").call();
            write(mine.resolve("scratch/one.txt"), "untracked");
            write(mine.resolve("scratch/two.txt"), "untracked");
            write(mine.resolve(".gitignore"), "*.log\n");
            write(mine.resolve("debug.log"), "ignored");
        }
        CloneStatus status = inspector.inspect(clone(mine, CloneKind.WORKING_TREE));
        assertThat(status.problem()).isNull();
        assertThat(status.hasCommits()).isTrue();
        assertThat(status.headBranch()).isEqualTo("main");
        assertThat(status.headCommit()).isEqualTo(last.name());
        assertThat(status.detached()).isFalse();
        assertThat(status.staged()).isEqualTo(1);
        assertThat(status.unstaged()).isEqualTo(1);
        assertThat(status.untracked()).isEqualTo(3);
        assertThat(status.conflicted()).isZero();
        assertThat(status.stashes()).isEqualTo(1);
        assertThat(status.remotes()).containsExactly(Map.entry("origin", dir.resolve("remote.git").toString()));
        assertThat(status.remoteHead()).isEqualTo("main");
        assertThat(status.lastCommitAt()).isEqualTo(last.getCommitterIdent().getWhenAsInstant());
        assertThat(status.branches()).containsExactly(
                new BranchStatus("feature", null, 0, 0, false, false),
                new BranchStatus("main", "origin/main", 2, 1, false, true),
                new BranchStatus("old-topic", "origin/old-topic", 0, 0, true, true));
    }

    @Test
    void detachedHeadNamesTheCommitAndNoBranch() throws Exception {
        try (Git git = init(dir.resolve("repo"))) {
            RevCommit first = commit(git, "a.txt", "1");
            commit(git, "a.txt", "2");
            git.checkout().setName(first.name()).call();
            CloneStatus status = inspector.inspect(clone(dir.resolve("repo"), CloneKind.WORKING_TREE));
            assertThat(status.detached()).isTrue();
            assertThat(status.headBranch()).isNull();
            assertThat(status.headCommit()).isEqualTo(first.name());
            assertThat(status.branches()).extracting(BranchStatus::name).containsExactly("main");
        }
    }

    @Test
    void mergeConflictIsCounted() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "a.txt", "base");
        }
        git(repo, "checkout", "-q", "-b", "other");
        git(repo, "commit", "-q", "-am", "x", "--allow-empty");
        write(repo.resolve("a.txt"), "other");
        git(repo, "commit", "-q", "-am", "other");
        git(repo, "checkout", "-q", "main");
        write(repo.resolve("a.txt"), "main");
        git(repo, "commit", "-q", "-am", "main");
        try {
            git(repo, "merge", "other");
        } catch (IllegalStateException expected) {
            // the conflict is what this test wants
        }
        CloneStatus status = inspector.inspect(clone(repo, CloneKind.WORKING_TREE));
        assertThat(status.conflicted()).isEqualTo(1);
    }

    @Test
    void bareRepositoryHasBranchesButNoWorkingTreeCounts() throws Exception {
        Path seed = dir.resolve("seed");
        try (Git git = init(seed)) {
            commit(git, "a.txt", "one");
        }
        git(dir, "clone", "-q", "--bare", seed.toString(), "bare.git");
        CloneStatus status = inspector.inspect(clone(dir.resolve("bare.git"), CloneKind.BARE));
        assertThat(status.kind()).isEqualTo(CloneKind.BARE);
        assertThat(status.problem()).isNull();
        assertThat(status.hasCommits()).isTrue();
        assertThat(status.headBranch()).isEqualTo("main");
        assertThat(status.dirty()).isFalse();
        assertThat(status.remotes()).containsOnlyKeys("origin");
    }

    @Test
    void garbageInHeadMakesTheCloneUnreadable() throws Exception {
        try (Git git = init(dir.resolve("repo"))) {
            commit(git, "a.txt", "1");
        }
        Files.writeString(dir.resolve("repo/.git/HEAD"), "this is not a ref\n");
        CloneStatus status = inspector.inspect(clone(dir.resolve("repo"), CloneKind.WORKING_TREE));
        assertThat(status.kind()).isEqualTo(CloneKind.UNREADABLE);
        assertThat(status.problem()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void missingHeadCommitIsNamed() throws Exception {
        RevCommit head;
        try (Git git = init(dir.resolve("repo"))) {
            head = commit(git, "a.txt", "1");
        }
        String name = head.name();
        Files.delete(dir.resolve("repo/.git/objects").resolve(name.substring(0, 2)).resolve(name.substring(2)));
        CloneStatus status = inspector.inspect(clone(dir.resolve("repo"), CloneKind.WORKING_TREE));
        assertThat(status.kind()).isEqualTo(CloneKind.UNREADABLE);
        assertThat(status.problem()).isEqualTo("HEAD points to a missing object " + name.substring(0, 7));
    }

    @Test
    void missingTreeIsReportedNotThrown() throws Exception {
        RevCommit head;
        try (Git git = init(dir.resolve("repo"))) {
            head = commit(git, "a.txt", "1");
        }
        String tree = head.getTree().name();
        Files.delete(dir.resolve("repo/.git/objects").resolve(tree.substring(0, 2)).resolve(tree.substring(2)));
        CloneStatus status = inspector.inspect(clone(dir.resolve("repo"), CloneKind.WORKING_TREE));
        assertThat(status.kind()).isEqualTo(CloneKind.UNREADABLE);
        assertThat(status.problem()).isEqualTo("missing object " + tree.substring(0, 7));
    }

    @Test
    void objectsWithoutPermissionSayPermissionDeniedNotMissingObject() throws Exception {
        try (Git git = init(dir.resolve("repo"))) {
            commit(git, "a.txt", "1");
        }
        Path objects = dir.resolve("repo/.git/objects");
        Files.setPosixFilePermissions(objects, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(objects),
                    "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not deny access here");
            CloneStatus status = inspector.inspect(clone(dir.resolve("repo"), CloneKind.WORKING_TREE));
            assertThat(status.kind()).isEqualTo(CloneKind.UNREADABLE);
            assertThat(status.problem()).isEqualTo("permission denied: " + objects);
        } finally {
            Files.setPosixFilePermissions(objects, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void cloneTheSourceCouldNotReadStaysUnreadable() {
        LocalClone broken = new LocalClone("local:test", dir, CloneKind.UNREADABLE, Map.of(), null, "permission denied");
        CloneStatus status = inspector.inspect(broken);
        assertThat(status.kind()).isEqualTo(CloneKind.UNREADABLE);
        assertThat(status.problem()).isEqualTo("permission denied");
    }

    @Test
    void linkedWorktreeIsInspectedThroughItsGitFile() throws Exception {
        Path main = dir.resolve("main");
        try (Git git = init(main)) {
            commit(git, "a.txt", "1");
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://example.org/x.git");
            config.save();
        }
        git(main, "worktree", "add", "-q", "-b", "hotfix", dir.resolve("wt").toString());
        write(dir.resolve("wt/untracked.txt"), "x");
        CloneStatus status = inspector.inspect(clone(dir.resolve("wt"), CloneKind.LINKED_WORKTREE));
        assertThat(status.problem()).isNull();
        assertThat(status.headBranch()).isEqualTo("hotfix");
        assertThat(status.untracked()).isEqualTo(1);
        assertThat(status.remotes()).containsOnlyKeys("origin");
        assertThat(status.branches()).extracting(BranchStatus::name).containsExactly("hotfix", "main");
    }

    /**
     * A huge clone is read like any other: 20,000 tracked files, a 32 MiB tracked file edited in
     * place (same size: Git must hash it to see the change) and a 1 GiB sparse untracked file
     * (untracked files are listed, never read).
     */
    @Test
    void hugeCloneIsReadInFull() throws Exception {
        Path repo = dir.resolve("huge");
        for (int i = 0; i < 20_000; i++) {
            write(repo.resolve("d" + i % 200).resolve("f" + i + ".txt"), "file " + i + "\n");
        }
        byte[] big = new byte[32 << 20];
        Files.write(repo.resolve("big.bin"), big);
        git(repo, "init", "-q", "-b", "main");
        // 20,000 loose objects would start a detached "git gc --auto", still writing as the test cleans up.
        git(repo, "config", "gc.auto", "0");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "huge");
        big[big.length / 2] = 1;
        Files.write(repo.resolve("big.bin"), big);
        // Older than the index on disk, so only its content can tell it changed.
        Files.setLastModifiedTime(repo.resolve("big.bin"), Files.getLastModifiedTime(repo.resolve(".git/index")));
        try (var sparse = new java.io.RandomAccessFile(repo.resolve("sparse.img").toFile(), "rw")) {
            sparse.setLength(1L << 30);
        }
        write(repo.resolve("d7/f7.txt"), "edited\n");

        CloneStatus status = inspector.inspect(clone(repo, CloneKind.WORKING_TREE));

        assertThat(status.problem()).isNull();
        assertThat(status.unstaged()).isEqualTo(2);
        assertThat(status.untracked()).isEqualTo(1);
        assertThat(status.staged()).isZero();
    }

    @Test
    void cleanFilterNamedByTheClonesConfigNeverRunsAndTheCloneIsReadNormally() throws Exception {
        Path clone = dir.resolve("filtered");
        Path canary = dir.resolve("canary-clean");
        try (Git git = init(clone)) {
            commit(git, ".gitattributes", "*.txt filter=pwn\n");
            commit(git, "a.txt", "one");
            StoredConfig config = git.getRepository().getConfig();
            config.setString("filter", "pwn", "clean", "touch " + canary);
            config.save();
        }
        // Same length, so that only the content check (which runs the clean filter) can tell it changed.
        write(clone.resolve("a.txt"), "two");
        CloneStatus status = inspector.inspect(clone(clone, CloneKind.WORKING_TREE));
        assertThat(canary).doesNotExist();
        assertThat(status.problem()).isNull();
        assertThat(status.unstaged()).isEqualTo(1);
    }
}
