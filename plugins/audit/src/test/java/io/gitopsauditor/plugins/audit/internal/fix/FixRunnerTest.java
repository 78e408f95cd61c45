package io.gitopsauditor.plugins.audit.internal.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
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

    @Test
    void setRemoteHeadFetchesWithTheBuiltInUploadPackToo() throws Exception {
        Path canary = dir.resolve("canary-uploadpack");
        Path clone = cloneWithUploadPack("touch " + canary + "; git-upload-pack");
        RepositoryReport report = reportFor(clone);
        RepositoryReport withHosted = new RepositoryReport(report.id(), report.key(), report.name(), report.state(),
                report.severity(), report.risk(), report.findings(), report.local(), hosted(), report.sourceIds());
        String outcome = FixRunners.forTests(dir.resolve("remotes")).run(withHosted,
                new FixPlan("set-remote-head", "Record main", List.of(), true, null));
        assertThat(canary).doesNotExist();
        assertThat(outcome).isEqualTo("origin/HEAD now points to origin/main.");
    }

    @Test
    void fetchFromARemoteOutsideThePolicyFailsWithTheReason() throws Exception {
        Path clone = cloneWithUploadPack("git-upload-pack");
        try (Git git = Git.open(clone.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "http://example.org/app.git");
            config.save();
        }
        assertThatThrownBy(() -> FixRunners.forTests(dir.resolve("remotes")).run(reportFor(clone),
                new FixPlan("fetch", "Fetch", List.of(), true, null)))
                .isInstanceOf(FixRunner.FixFailedException.class)
                .hasMessage("fetch failed: remote http://example.org/app.git refused: plain http:// is not encrypted; use https://;"
                        + " only https, ssh, and local folders under git.local-remotes are allowed");
    }

    private static HostedRepository hosted() {
        return new HostedRepository("github:octocat", "github.com", "octocat", "app", "https://github.com/octocat/app.git",
                "git@github.com:octocat/app.git", "https://github.com/octocat/app", "main", false, false, false, null, null);
    }
}
