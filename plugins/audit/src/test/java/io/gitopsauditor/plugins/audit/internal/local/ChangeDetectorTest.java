package io.gitopsauditor.plugins.audit.internal.local;

import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.commit;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.init;
import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeDetectorTest {

    @TempDir
    Path repo;

    private final ChangeDetector detector = new ChangeDetector(LocalFolderSource.DEFAULT_SKIPPED_FOLDERS);

    @Test
    void fingerprintIsStableWhileNothingChanges() throws Exception {
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
        }
        assertThat(detector.fingerprint(repo)).isEqualTo(detector.fingerprint(repo));
    }

    @Test
    void editingATrackedFileChangesOnlyTheWorkingTreeHash() throws Exception {
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
        }
        Fingerprint before = detector.fingerprint(repo);
        write(repo.resolve("a.txt"), "2");
        Files.setLastModifiedTime(repo.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(5)));
        Fingerprint after = detector.fingerprint(repo);
        assertThat(after.repository()).isEqualTo(before.repository());
        assertThat(after.workingTree()).isNotEqualTo(before.workingTree());
    }

    @Test
    void committingOrBranchingChangesTheRepositoryHash() throws Exception {
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
            long before = detector.repositoryHash(repo);
            git.branchCreate().setName("topic").call();
            assertThat(detector.repositoryHash(repo)).isNotEqualTo(before);
        }
    }

    @Test
    void skippedFoldersDoNotCount() throws Exception {
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
        }
        Files.createDirectories(repo.resolve("node_modules"));
        FileTime rootTime = Files.getLastModifiedTime(repo);
        long before = detector.workingTreeHash(repo);
        write(repo.resolve("node_modules/x/index.js"), "x");
        Files.setLastModifiedTime(repo.resolve("node_modules"), FileTime.from(Instant.now().plusSeconds(5)));
        Files.setLastModifiedTime(repo, rootTime);
        assertThat(detector.workingTreeHash(repo)).isEqualTo(before);
    }
}
