package io.gitopsauditor.plugins.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestGit;
import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugins.audit.internal.export.Exports;
import io.gitopsauditor.plugins.audit.internal.local.TestRepos;
import io.gitopsauditor.plugins.audit.internal.model.FindingType;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RiskLevel;
import io.gitopsauditor.plugins.audit.internal.run.AuditEngine;
import io.gitopsauditor.plugins.audit.internal.run.AuditProgress;
import io.gitopsauditor.plugins.audit.internal.run.AuditResult;
import io.gitopsauditor.plugins.audit.internal.run.Summaries;
import io.gitopsauditor.plugins.audit.internal.store.AuditJson;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import io.gitopsauditor.plugins.audit.testing.JsonSchemaCheck;
import io.gitopsauditor.platform.core.testkit.TestGitHubConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole audit, from sources to reports, against real repositories on disk and the recorded
 * fake GitHub: every finding that needs both sides, and GitHub's failure turning into "unknown".
 */
class AuditEndToEndTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");

    @TempDir
    Path temp;
    private FakeGitHub github;
    private Path root;

    @BeforeEach
    void fleet() throws Exception {
        github = FakeGitHub.start().withUser(FakeGitHub.USER, List.of(FakeRepository.named("app"), FakeRepository.named("website"),
                FakeRepository.named("dotfiles"), FakeRepository.named("old").asArchived(), FakeRepository.named("tools")));
        root = Files.createDirectories(temp.resolve("src"));
        cloneWithUpstream("app", "https://github.com/octocat/app.git", false);
        cloneWithUpstream("website", "git@github.com:octocat/website.git", true);
        cloneWithUpstream("old", "https://github.com/octocat/old.git", false);
        cloneWithUpstream("tools", "https://github.com/someone-else/tools.git", false);
        cloneWithUpstream("gone", "https://github.com/octocat/gone.git", false);
        cloneWithUpstream("elsewhere", "https://gitlab.com/me/elsewhere.git", false);
        try (Git notes = init(root.resolve("notes with 'quotes' and ünïcode"))) {
            commit(notes, "todo.txt", "buy milk");
        }
        Files.createDirectories(root.resolve("just-files")).resolve("readme.txt").toFile().createNewFile();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void findsEveryKindOfDriftAndRisk() throws Exception {
        AuditResult result = audit();
        Map<String, RepositoryReport> byName = result.reports().stream().collect(Collectors.toMap(RepositoryReport::name, r -> r));

        assertThat(byName.get("app").state()).isEqualTo(RepoState.CLEAN);
        assertThat(types(byName.get("website"))).contains(FindingType.UNPUSHED_COMMITS);
        assertThat(byName.get("website").risk().level()).isEqualTo(RiskLevel.HIGH);
        assertThat(byName.get("website").key()).isEqualTo("github.com/octocat/website");
        assertThat(types(byName.get("dotfiles"))).containsExactly(FindingType.MISSING);
        assertThat(byName.get("dotfiles").findings().getFirst().fix()).isEqualTo("clone");
        assertThat(types(byName.get("old"))).contains(FindingType.ARCHIVED_UPSTREAM);
        assertThat(types(byName.get("tools"))).contains(FindingType.REMOTE_MISMATCH);
        assertThat(types(byName.get("gone"))).contains(FindingType.DELETED_UPSTREAM);
        assertThat(types(byName.get("elsewhere"))).containsExactly(FindingType.LOCAL_ONLY);
        assertThat(types(byName.get("notes with 'quotes' and ünïcode"))).contains(FindingType.NO_REMOTE);
        assertThat(types(byName.get("just-files"))).containsExactly(FindingType.NOT_A_REPOSITORY);
        assertThat(result.inventory().snapshot().sources()).allMatch(s -> s.state() == SourceStatus.State.OK);
    }

    @Test
    void gitHubDownMakesTheHostedSideUnknownNotExtra() throws Exception {
        github.failOn("/users/octocat", 500, "{\"message\":\"Server Error\"}");
        github.failOn("/users/octocat/repos", 500, "{\"message\":\"Server Error\"}");

        AuditResult result = audit();
        Map<String, RepositoryReport> byName = result.reports().stream().collect(Collectors.toMap(RepositoryReport::name, r -> r));

        assertThat(result.inventory().snapshot().sources()).anyMatch(s -> s.state() == SourceStatus.State.UNAVAILABLE
                && s.message() != null && !s.message().isBlank());
        assertThat(types(byName.get("app"))).containsExactly(FindingType.HOSTED_UNKNOWN);
        assertThat(byName.get("app").state()).isEqualTo(RepoState.UNKNOWN);
        assertThat(types(byName.get("website"))).contains(FindingType.HOSTED_UNKNOWN, FindingType.UNPUSHED_COMMITS);
        assertThat(byName).doesNotContainKey("dotfiles");
        assertThat(result.reports()).noneMatch(r -> types(r).contains(FindingType.LOCAL_ONLY) && r.name().equals("app"));
    }

    @Test
    void exportsAreValidAndReAuditingNothingChangedKeepsEveryReport() throws Exception {
        AuditResult first = audit();
        var summary = Summaries.of(1, "test", "full", "finished", first.startedAt(), first.finishedAt(), first.reports(),
                first.inventory().snapshot().sources(), null);
        JsonNode json = AuditJson.mapper().readTree(Exports.write("json", summary, first.reports()));
        assertThat(json.path("repositories").size()).isEqualTo(first.reports().size());
        assertThat(json.path("run").path("byState").path("AT_RISK").asInt()).isGreaterThan(0);
        String csv = Exports.write("csv", summary, first.reports());
        assertThat(csv.lines().findFirst()).contains("repository,key,state,risk,severity,finding,message");
        assertThat(Exports.write("markdown", summary, first.reports())).contains("| Repository | State | Risk | Findings |");

        AuditResult again = engineAudits().engine(Clock.systemUTC()).rerun(first, Set.of(), AuditProgress.NONE);
        assertThat(again.reports()).isEqualTo(first.reports());
    }

    @Test
    void aRemoteSetSinceTheRunCountsWhenTheCloneIsReadAgain() throws Exception {
        AuditResult first = audit();
        AuditEngine engine = engineAudits().engine(Clock.systemUTC());
        Path tools = root.resolve("tools");
        try (Git git = Git.open(tools.toFile())) {
            git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish("https://github.com/octocat/tools.git")).call();
        }

        AuditResult reread = engine.rerun(first, Set.of(tools), AuditProgress.NONE);
        RepositoryReport fixed = byName(reread, "tools");
        assertThat(types(fixed)).doesNotContain(FindingType.REMOTE_MISMATCH);
        assertThat(fixed.state()).isEqualTo(RepoState.CLEAN);
        assertThat(fixed.key()).isEqualTo(byName(first, "tools").key());
        // Another clone's change re-reads only that one: tools keeps its new link.
        assertThat(types(byName(engine.rerun(reread, Set.of(root.resolve("app")), AuditProgress.NONE), "tools")))
                .doesNotContain(FindingType.REMOTE_MISMATCH);

        try (Git git = Git.open(tools.toFile())) {
            git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish("https://github.com/third-party/tools.git")).call();
        }
        assertThat(byName(engine.rerun(reread, Set.of(tools), AuditProgress.NONE), "tools").findings())
                .filteredOn(f -> f.type() == FindingType.REMOTE_MISMATCH).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("The remote points to github.com/third-party/tools,"));
    }

    @Test
    void aCloneGitCannotReadIsBrokenEvenWhenTheScanFoundItsRemote() throws Exception {
        // The scan reads only .git/config and HEAD; the objects are read later, by the inspector. A clone has them in a pack.
        String head;
        try (Git app = Git.open(root.resolve("app").toFile())) {
            head = app.getRepository().resolve("HEAD").name();
        }
        try (var packs = Files.list(root.resolve("app/.git/objects/pack"))) {
            for (Path pack : packs.toList()) {
                Files.delete(pack);
            }
        }

        RepositoryReport app = byName(audit(), "app");
        assertThat(app.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FindingType.UNREADABLE);
            assertThat(f.message()).isEqualTo("The repository cannot be read: HEAD points to a missing object " + head.substring(0, 7));
        });
        assertThat(app.state()).isEqualTo(RepoState.BROKEN);
        assertThat(app.key()).as("still paired with its GitHub repository").isEqualTo("github.com/octocat/app");
    }

    @Test
    void aCloneWithoutARemoteInAFolderNamedLikeAGitHubRepositoryIsStillNoRemote() throws Exception {
        try (Git dotfiles = init(root.resolve("dotfiles"))) {
            commit(dotfiles, ".bashrc", "alias ll='ls -l'");
        }

        List<RepositoryReport> dotfiles = named(audit(), "dotfiles");

        assertThat(dotfiles).as("one report: the clone, not also a missing repository").singleElement().satisfies(r -> {
            assertThat(types(r)).contains(FindingType.NO_REMOTE).doesNotContain(FindingType.REMOTE_MISMATCH, FindingType.MISSING);
            assertThat(r.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("null"));
            assertThat(r.findings()).filteredOn(f -> f.type() == FindingType.NO_REMOTE).singleElement()
                    .satisfies(f -> assertThat(f.fix()).isEqualTo("set-remote"));
            assertThat(r.risk().level()).isEqualTo(RiskLevel.HIGH);
        });
    }

    @Test
    void aRemoteAddedToANoRemoteNamesakeCountsWhenTheCloneIsReadAgain() throws Exception {
        Path folder = root.resolve("dotfiles");
        try (Git dotfiles = init(folder)) {
            commit(dotfiles, ".bashrc", "alias ll='ls -l'");
        }
        AuditResult first = audit();
        AuditEngine engine = engineAudits().engine(Clock.systemUTC());
        try (Git git = Git.open(folder.toFile())) {
            git.remoteAdd().setName("origin").setUri(new URIish("https://github.com/octocat/dotfiles.git")).call();
        }

        AuditResult withRemote = engine.rerun(first, Set.of(folder), AuditProgress.NONE);
        assertThat(types(at(withRemote, folder))).contains(FindingType.UNPUSHED_BRANCH).doesNotContain(FindingType.NO_REMOTE);
        assertThat(at(withRemote, folder).key()).isEqualTo("github.com/octocat/dotfiles");

        try (Git git = Git.open(folder.toFile())) {
            git.remoteRemove().setRemoteName("origin").call();
        }
        assertThat(types(at(engine.rerun(withRemote, Set.of(folder), AuditProgress.NONE), folder))).contains(FindingType.NO_REMOTE);
    }

    @Test
    void aBrokenCloneNamedLikeAGitHubRepositoryIsReportedOnceAsUnreadableWithoutACloneFix() throws Exception {
        init(root.resolve("dotfiles")).close();
        Files.writeString(root.resolve("dotfiles/.git/HEAD"), "garbage\n");

        List<RepositoryReport> dotfiles = named(audit(), "dotfiles");

        assertThat(dotfiles).singleElement().satisfies(r -> {
            assertThat(types(r)).containsExactly(FindingType.UNREADABLE);
            assertThat(r.findings()).allSatisfy(f -> assertThat(f.fix()).isNull());
            assertThat(r.state()).isEqualTo(RepoState.BROKEN);
        });
    }

    /** chmod 000 stops everyone but root, so this skips itself there, like the test below. */
    @Test
    void aCloneTheUserMayNotReadNamedLikeAGitHubRepositoryIsReportedOnceAsUnreadable() throws Exception {
        try (Git dotfiles = init(root.resolve("dotfiles"))) {
            commit(dotfiles, ".bashrc", "alias ll='ls -l'");
        }
        Path website = root.resolve("website");
        // Replace the fleet's website clone by a folder that may not even be listed.
        org.eclipse.jgit.util.FileUtils.delete(website.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        Files.createDirectories(website.resolve("inside"));
        List<Path> denied = List.of(root.resolve("dotfiles/.git"), website);
        try {
            denyAccessTo(denied);
            AuditResult result = audit();

            for (String name : List.of("dotfiles", "website")) {
                assertThat(named(result, name)).as(name).singleElement().satisfies(r -> {
                    assertThat(types(r)).containsExactly(FindingType.UNREADABLE);
                    assertThat(r.findings()).allSatisfy(f -> assertThat(f.fix()).isNull());
                });
            }
        } finally {
            for (Path path : denied) {
                Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void freshBareAndMirrorClonesOfTheirUpstreamAreClean() throws Exception {
        Path dotfiles = upstream("dotfiles");
        TestRepos.git(temp, "clone", "--bare", dotfiles.toUri().toString(), root.resolve("dotfiles.git").toString());
        TestRepos.git(root.resolve("dotfiles.git"), "remote", "set-url", "origin", "https://github.com/octocat/dotfiles.git");
        TestRepos.git(temp, "clone", "--mirror", temp.resolve("remotes/app.git").toUri().toString(),
                root.resolve("app-mirror.git").toString());
        TestRepos.git(root.resolve("app-mirror.git"), "remote", "set-url", "origin", "https://github.com/octocat/app.git");

        AuditResult result = audit();

        for (String folder : List.of("dotfiles.git", "app-mirror.git")) {
            assertThat(at(result, root.resolve(folder))).as(folder).satisfies(r -> {
                assertThat(r.findings()).isEmpty();
                assertThat(r.state()).isEqualTo(RepoState.CLEAN);
            });
        }
    }

    @Test
    void aBareRepositoryWithCommitsItsRemoteTrackingRefsLackIsAtRisk() throws Exception {
        Path bare = root.resolve("mine.git");
        TestRepos.git(temp, "init", "--bare", bare.toString());
        TestRepos.git(bare, "remote", "add", "origin", temp.resolve("remotes/app.git").toUri().toString());
        TestRepos.git(bare, "fetch", "origin");
        String tree = TestRepos.git(bare, "rev-parse", "refs/remotes/origin/main^{tree}").strip();
        String commit = TestRepos.git(bare, "commit-tree", tree, "-p", "refs/remotes/origin/main", "-m", "only here").strip();
        TestRepos.git(bare, "update-ref", "refs/heads/main", commit);

        RepositoryReport mine = at(audit(), bare);

        assertThat(mine.findings()).filteredOn(f -> f.type() == FindingType.UNPUSHED_COMMITS).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("1 commit on main is not on origin/main."));
        assertThat(types(mine)).doesNotContain(FindingType.UNPUSHED_BRANCH);
        assertThat(mine.risk().level()).isEqualTo(RiskLevel.HIGH);
    }

    private static RepositoryReport at(AuditResult result, Path clone) {
        return result.reports().stream().filter(r -> r.local() != null && r.local().path().equals(clone)).findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + clone));
    }

    private static List<RepositoryReport> named(AuditResult result, String name) {
        return result.reports().stream().filter(r -> r.name().equals(name)).toList();
    }

    /**
     * A folder the auditing user may not read is a finding on that folder; the run goes on, the other
     * clones are reported as usual, and the export is valid JSON. chmod 000 stops everyone but root (or
     * a process with CAP_DAC_OVERRIDE), so this skips itself there; the distribution's smoke test runs
     * the same case through the CLI as 'nobody', and this runs as root without those capabilities:
     * {@code setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search ./mvnw ...}
     */
    @Test
    void foldersTheUserMayNotReadAreFindingsAndTheRunCompletes() throws Exception {
        cloneWithUpstream("locked", "https://github.com/octocat/locked.git", false);
        cloneWithUpstream("sealed", "https://github.com/octocat/sealed.git", false);
        Path privateFolder = Files.createDirectories(root.resolve("private/inside"));
        List<Path> denied = List.of(root.resolve("locked/.git"), root.resolve("sealed/.git/objects"), privateFolder.getParent());
        try {
            denyAccessTo(denied);
            AuditResult result = audit();
            Map<String, RepositoryReport> byName = result.reports().stream().collect(Collectors.toMap(RepositoryReport::name, r -> r));

            assertThat(byName.get("locked").findings()).singleElement().satisfies(f -> {
                assertThat(f.type()).isEqualTo(FindingType.UNREADABLE);
                assertThat(f.message()).isEqualTo("The repository cannot be read: permission denied: " + root.resolve("locked/.git"));
            });
            // sealed's config could be read, so the scan knows its remote (a repository GitHub does not list).
            assertThat(byName.get("sealed").findings()).filteredOn(f -> f.type() == FindingType.UNREADABLE).singleElement()
                    .satisfies(f -> assertThat(f.message())
                            .isEqualTo("The repository cannot be read: permission denied: " + root.resolve("sealed/.git/objects")));
            assertThat(byName.get("sealed").state()).isEqualTo(RepoState.BROKEN);
            assertThat(byName.get("private").findings()).singleElement().satisfies(f -> assertThat(f.message())
                    .isEqualTo("The repository cannot be read: cannot list this folder: permission denied: " + root.resolve("private")));
            assertThat(byName.get("locked").state()).isEqualTo(RepoState.BROKEN);
            assertThat(result.inventory().snapshot().sources()).filteredOn(s -> s.id().startsWith("local:")).singleElement()
                    .satisfies(s -> {
                        assertThat(s.state()).isEqualTo(SourceStatus.State.OK);
                        assertThat(s.message()).contains("permission denied: " + root.resolve("locked/.git"))
                                .contains("cannot list this folder: permission denied: " + root.resolve("private"));
                    });
            // Everything else as without them.
            assertThat(byName.get("app").state()).isEqualTo(RepoState.CLEAN);
            assertThat(types(byName.get("website"))).contains(FindingType.UNPUSHED_COMMITS);
            assertThat(types(byName.get("dotfiles"))).containsExactly(FindingType.MISSING);

            var summary = Summaries.of(0, "cli", "full", "finished", result.startedAt(), result.finishedAt(), result.reports(),
                    result.inventory().snapshot().sources(), null);
            JsonNode json = AuditJson.mapper().readTree(Exports.write("json", summary, result.reports()));
            assertThat(JsonSchemaCheck.auditRunV1().violations(json)).isEmpty();
            assertThat(json.path("repositories").size()).isEqualTo(result.reports().size());
        } finally {
            for (Path path : denied) {
                Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static RepositoryReport byName(AuditResult result, String name) {
        return result.reports().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private AuditResult audit() throws Exception {
        Audits audits = engineAudits();
        return audits.engine(Clock.systemUTC()).run(audits.sources(), AuditProgress.NONE);
    }

    private Audits engineAudits() {
        AuditSettings settings = new AuditSettings(List.of(root), List.of(FakeGitHub.USER), 3, AuditSettings.DEFAULT_SKIP,
                Duration.ofDays(3650), Duration.ZERO, false, 2, root, 10);
        return new Audits(settings, TestGitHubConnection.anonymous(github.url(), Duration.ofSeconds(5)), TestGit.service(),
                List::of);
    }

    private static List<FindingType> types(RepositoryReport report) {
        return report.findings().stream().map(f -> f.type()).toList();
    }

    /** A clone of a local bare repository, then pointed at {@code url}: tracking refs stay, as after a real clone. */
    private void cloneWithUpstream(String name, String url, boolean unpushedCommit) throws Exception {
        Path bare = upstream(name);
        try (Git clone = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(root.resolve(name).toFile()).call()) {
            if (unpushedCommit) {
                commit(clone, "change.txt", "not pushed yet");
            }
            clone.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(url)).call();
        }
    }

    /** A bare repository {@code remotes/<name>.git} with one commit on main, as a hosting service would hold it. */
    private Path upstream(String name) throws Exception {
        Path bare = temp.resolve("remotes").resolve(name + ".git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git seed = init(temp.resolve("seeds").resolve(name))) {
            commit(seed, "README.md", "# " + name);
            seed.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
            seed.push().setRemote("origin").add("main").call();
        }
        return bare;
    }

    private static Git init(Path dir) throws Exception {
        return Git.init().setInitialBranch("main").setDirectory(dir.toFile()).call();
    }

    private static void commit(Git git, String file, String content) throws Exception {
        Path path = git.getRepository().getWorkTree().toPath().resolve(file);
        Files.writeString(path, content);
        git.add().addFilepattern(file).call();
        git.commit().setMessage("add " + file).setAuthor(ME).setCommitter(ME).setSign(false).call();
    }

    /** chmod 000 on each path; skips the test where that denies nothing (root, CAP_DAC_OVERRIDE). */
    private static void denyAccessTo(List<Path> paths) throws IOException {
        for (Path path : paths) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(paths.stream().anyMatch(Files::isReadable),
                "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not deny access here");
    }
}
