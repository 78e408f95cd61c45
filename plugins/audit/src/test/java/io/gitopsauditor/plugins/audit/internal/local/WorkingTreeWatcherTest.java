package io.gitopsauditor.plugins.audit.internal.local;

import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.commit;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.init;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeWatcherTest {

    @TempDir
    Path dir;

    private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private Path repo(String name) throws Exception {
        Path repo = dir.resolve(name);
        try (Git git = init(repo)) {
            commit(git, "src/a.txt", "1");
        }
        return repo;
    }

    @Test
    void editingATrackedFileReportsTheCloneOnceAndQuietClonesNot() throws Exception {
        Path edited = repo("edited");
        Path quiet = repo("quiet");
        try (WorkingTreeWatcher watcher = new WorkingTreeWatcher()) {
            List<Path> heard = new CopyOnWriteArrayList<>();
            watcher.addListener(heard::add);
            watcher.watch(List.of(edited, quiet));
            assertThat(watcher.drainChanged()).isEmpty();
            write(edited.resolve("src/a.txt"), "2");
            write(edited.resolve("src/b.txt"), "new");
            Set<Path> changed = new java.util.HashSet<>();
            assertThat(eventually(() -> changed.addAll(watcher.drainChanged()) || changed.contains(edited))).isTrue();
            assertThat(changed).containsExactly(edited);
            assertThat(eventually(() -> !heard.isEmpty())).isTrue();
            Thread.sleep(500);
            assertThat(heard).containsExactly(edited);
            assertThat(watcher.pollingFallbacks()).isEmpty();
        }
    }

    @Test
    void committingIsSeenThroughTheGitFolder() throws Exception {
        Path repo = repo("repo");
        try (WorkingTreeWatcher watcher = new WorkingTreeWatcher(); Git git = Git.open(repo.toFile())) {
            watcher.watch(List.of(repo));
            git.commit().setAllowEmpty(true).setMessage("empty").setAuthor(TestRepos.ME).setCommitter(TestRepos.ME).setSign(false).call();
            assertThat(eventually(() -> watcher.drainChanged().contains(repo))).isTrue();
        }
    }

    @Test
    void foldersCreatedLaterAreWatchedToo() throws Exception {
        Path repo = repo("repo");
        try (WorkingTreeWatcher watcher = new WorkingTreeWatcher()) {
            watcher.watch(List.of(repo));
            Files.createDirectories(repo.resolve("later"));
            assertThat(eventually(() -> watcher.drainChanged().contains(repo))).isTrue();
            Thread.sleep(300); // let the watcher register the new folder
            watcher.drainChanged();
            write(repo.resolve("later/file.txt"), "x");
            assertThat(eventually(() -> watcher.drainChanged().contains(repo))).isTrue();
        }
    }

    @Test
    void cloneThatCannotBeRegisteredIsPolledInstead() throws Exception {
        Path repo = repo("repo");
        WorkingTreeWatcher.Registrar exhausted = (folder, service) -> {
            throw new IOException("User limit of inotify watches reached");
        };
        try (WorkingTreeWatcher watcher = new WorkingTreeWatcher(Set.of(), Duration.ofMillis(100), Duration.ofMillis(200), exhausted)) {
            watcher.watch(List.of(repo));
            assertThat(watcher.pollingFallbacks()).containsEntry(repo, "User limit of inotify watches reached");
            write(repo.resolve("src/a.txt"), "2");
            Files.setLastModifiedTime(repo.resolve("src/a.txt"), FileTime.from(Instant.now().plusSeconds(5)));
            assertThat(eventually(() -> watcher.drainChanged().contains(repo))).isTrue();
        }
    }
}
