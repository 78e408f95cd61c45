package io.gitopsauditor.plugins.audit.internal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugins.audit.internal.github.CloneUrlPolicy;
import io.gitopsauditor.plugins.audit.internal.model.CloneStatus;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.FindingType;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.Risk;
import io.gitopsauditor.plugins.audit.internal.model.Severity;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the fixes would do with names and URLs GitHub's API sent, in real folders. */
class FixPlannerTest {
    private static final CloneUrlPolicy GITHUB = CloneUrlPolicy.forApi(URI.create("https://api.github.com"));
    private static final String HOSTILE = "--upload-pack=touch x $(touch dollar) `touch backtick` 'quoted'\nnext line";

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../escape-clone", "..", ".", "/tmp/absolute", "a/b", "-rf", "with space", "new\nline", "x\\..\\y"})
    void aNameThatIsNoSafeFolderNameIsNotPossibleAndShowsNoCommand(String name) throws Exception {
        Path root = Files.createDirectories(temp.resolve("src"));
        FixPlan plan = new FixPlanner(root, GITHUB).plan(missing(name, "https://github.com/o/" + name + ".git"), "clone").orElseThrow();

        assertThat(plan.possible()).isFalse();
        assertThat(plan.blocker()).startsWith("not possible: the name '").contains("is not a safe repository name");
        assertThat(plan.commands()).isEmpty();
        assertThat(new FixPlanner(root, GITHUB).cloneTarget(missing(name, "https://github.com/o/r.git").hosted())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file:///srv/git/r.git", "ext::sh -c touch% /tmp/pwned", "http://github.com/o/r.git",
            "https://evil.example/o/r.git", "https://github.com.evil.example/o/r.git", "https://user:pw@github.com/o/r.git",
            "https://github.com:8443/o/r.git", "https://github.com/o/r.git?upload-pack=x", "https://github.com/o/sub/r.git",
            "https://github.com/../r.git", "ssh://git@github.com/o/r.git", "git@evil.example:o/r.git", "git@github.com:o/r",
            "--upload-pack=touch x", "/srv/git/r.git", ""})
    void onlyHttpsOnTheGitHubHostOrItsSshFormIsClonedOrSetAsRemote(String url) throws Exception {
        Path root = Files.createDirectories(temp.resolve("src"));
        FixPlanner planner = new FixPlanner(root, GITHUB);

        FixPlan clone = planner.plan(missing("r", url), "clone").orElseThrow();
        assertThat(clone.possible()).isFalse();
        assertThat(clone.blocker()).startsWith("not possible: ");
        assertThat(clone.commands()).isEmpty();

        FixPlan setRemote = planner.plan(cloned(Files.createDirectories(temp.resolve("r")), url, "main"), "set-remote").orElseThrow();
        assertThat(setRemote.possible()).isFalse();
        assertThat(setRemote.blocker()).startsWith("not possible: ");
        assertThat(setRemote.commands()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://github.com/octo-cat/my.repo_1.git", "https://github.com/octocat/r", "git@github.com:octocat/r.git"})
    void theGitHubHostsOwnFormsAreAccepted(String url) {
        assertThat(GITHUB.refusal(url)).isEmpty();
    }

    @Test
    void anEnterpriseServerOrATestServerIsItsOwnOrigin() {
        CloneUrlPolicy enterprise = CloneUrlPolicy.forApi(URI.create("https://ghe.example.com/api/v3"));
        assertThat(enterprise.refusal("https://ghe.example.com/team/r.git")).isEmpty();
        assertThat(enterprise.refusal("https://github.com/team/r.git")).isPresent();
        CloneUrlPolicy local = CloneUrlPolicy.forApi(URI.create("http://127.0.0.1:8123"));
        assertThat(local.refusal("http://127.0.0.1:8123/o/r.git")).isEmpty();
        assertThat(local.refusal("http://127.0.0.1:9999/o/r.git")).isPresent();
        assertThat(local.refusal("https://github.com/o/r.git")).isPresent();
    }

    @Test
    void aCloneRootThatDoesNotExistOrATargetThatDoesAreNotPossible() throws Exception {
        FixPlan noRoot = new FixPlanner(temp.resolve("nowhere"), GITHUB).plan(missing("r", "https://github.com/o/r.git"), "clone")
                .orElseThrow();
        assertThat(noRoot.possible()).isFalse();
        assertThat(noRoot.blocker()).isEqualTo("not possible: the clone root " + temp.resolve("nowhere") + " does not exist");

        Path root = Files.createDirectories(temp.resolve("src"));
        Files.createSymbolicLink(root.resolve("r"), temp);
        FixPlan taken = new FixPlanner(root, GITHUB).plan(missing("r", "https://github.com/o/r.git"), "clone").orElseThrow();
        assertThat(taken.possible()).as("a symbolic link counts as taken").isFalse();
        assertThat(taken.blocker()).isEqualTo(root.resolve("r") + " already exists; move it away or clone by hand");
    }

    @Test
    void pastingAPreviewIntoAShellRunsExactlyThatCommandWhateverTheValues() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root $(touch dollar) `touch backtick` 'q'\nline"));
        Path clone = Files.createDirectories(temp.resolve("--upload-pack=touch x"));
        String url = "https://github.com/o/r.git";
        FixPlanner planner = new FixPlanner(root, GITHUB);

        assertThat(argumentsOf(planner.plan(missing("r", url), "clone").orElseThrow().commands().getFirst()))
                .containsExactly("clone", "--", url, root.resolve("r").toString());
        RepositoryReport report = cloned(clone, url, HOSTILE);
        assertThat(argumentsOf(planner.plan(report, "set-remote").orElseThrow().commands().getFirst()))
                .containsExactly("-C", clone.toString(), "remote", "set-url", "--", "origin", url);
        List<String> setHead = planner.plan(report, "set-remote-head").orElseThrow().commands();
        assertThat(argumentsOf(setHead.get(0))).containsExactly("-C", clone.toString(), "-c", "remote.origin.uploadpack=git-upload-pack",
                "fetch", "--no-recurse-submodules", "--", "origin");
        assertThat(argumentsOf(setHead.get(1))).containsExactly("-C", clone.toString(), "remote", "set-head", "--", "origin", HOSTILE);
        assertThat(argumentsOf(planner.plan(report, "fetch").orElseThrow().commands().getFirst()))
                .containsExactly("-C", clone.toString(), "-c", "remote.origin.uploadpack=git-upload-pack",
                        "fetch", "--no-recurse-submodules", "--", "origin");
        assertThat(temp.resolve("dollar")).as("nothing in a value ran").doesNotExist();
        assertThat(temp.resolve("backtick")).doesNotExist();
    }

    /** Runs the preview in a real POSIX shell, with {@code git} a function that prints the arguments it got. */
    private List<String> argumentsOf(String preview) throws Exception {
        assertThat(preview).startsWith("git ");
        Process shell = new ProcessBuilder("/bin/sh", "-c", "git() { printf '%s\\0' \"$@\"; }\n" + preview)
                .directory(temp.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shell.getInputStream().transferTo(out);
        assertThat(shell.waitFor()).as(out.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        return Arrays.asList(printed.substring(0, printed.length() - 1).split("\0", -1));
    }

    private static RepositoryReport missing(String name, String cloneUrl) {
        HostedRepository hosted = new HostedRepository("github:o", "github.com", "o", name, cloneUrl, null, null, "main",
                false, false, false, null, null);
        return new RepositoryReport("000000000001", "github.com/o/" + name, name, RepoState.MISSING, Severity.LOW, Risk.NONE,
                List.of(new Finding(FindingType.MISSING, Severity.LOW, "not cloned", "clone")), null, hosted, List.of("github:o"));
    }

    /** A clone whose origin points elsewhere and whose default branch is not GitHub's: every other fix is offered. */
    private static RepositoryReport cloned(Path path, String cloneUrl, String defaultBranch) {
        HostedRepository hosted = new HostedRepository("github:o", "github.com", "o", "r", cloneUrl, null, null, defaultBranch,
                false, false, false, null, null);
        CloneStatus local = new CloneStatus(path, CloneKind.WORKING_TREE, null, true, "main", null, false, 0, 0, 0, 0, 0,
                List.of(), Map.of("origin", "https://github.com/elsewhere/r.git"), null, null, Instant.now());
        return new RepositoryReport("000000000002", "github.com/o/r", "r", RepoState.DRIFTED, Severity.MEDIUM, Risk.NONE,
                List.of(new Finding(FindingType.REMOTE_MISMATCH, Severity.MEDIUM, "elsewhere", "set-remote"),
                        new Finding(FindingType.DEFAULT_BRANCH_DIFFERS, Severity.LOW, "differs", "set-remote-head"),
                        new Finding(FindingType.BEHIND_UPSTREAM, Severity.LOW, "behind", "fetch")),
                local, hosted, List.of("github:o"));
    }
}
