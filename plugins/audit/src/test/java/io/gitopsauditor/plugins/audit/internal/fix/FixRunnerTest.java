package io.gitopsauditor.plugins.audit.internal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugins.audit.internal.model.CloneStatus;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.Risk;
import io.gitopsauditor.plugins.audit.internal.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixRunnerTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");

    @TempDir
    Path dir;


    private static RepositoryReport reportFor(Path clone) {
        CloneStatus local = new CloneStatus(clone, CloneKind.WORKING_TREE, null, true, "main", null, false, 0, 0, 0, 0, 0,
                List.of(), Map.of(), null, null, Instant.now());
        return new RepositoryReport("id", "key", "app", RepoState.DRIFTED, Severity.LOW, Risk.NONE, List.of(), local, null,
                List.of("local:test"));
    }

    /** A bare upstream with one commit, and a clone of it whose origin names its own upload-pack. */
    private Path cloneWithUploadPack(String uploadPack) throws Exception {
        Path seed = dir.resolve("seed");
        try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
            Files.writeString(seed.resolve("a.txt"), "one");
            git.add().addFilepattern("a.txt").call();
            git.commit().setMessage("one").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
        Path upstream = dir.resolve("remotes").resolve("upstream.git");
        Git.cloneRepository().setURI(seed.toUri().toString()).setBare(true).setDirectory(upstream.toFile()).call().close();
        Path clone = dir.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(upstream.toString()).setDirectory(clone.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "uploadpack", uploadPack);
            config.save();
        }
        return clone;
    }

    @Test
    void fetchFixUsesTheBuiltInUploadPackNotTheOneTheClonesConfigNames() throws Exception {
        Path canary = dir.resolve("canary-uploadpack");
        Path clone = cloneWithUploadPack("touch " + canary + "; git-upload-pack");
        String outcome = FixRunners.forTests(dir.resolve("remotes")).run(reportFor(clone), new FixPlan("fetch", "Fetch", List.of(), true, null));
        assertThat(canary).doesNotExist();
        assertThat(outcome).isEqualTo("Fetched 1 remote.");
    }
}
