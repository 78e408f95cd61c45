package io.gitopsauditor.plugins.audit.internal.local;

import static io.gitopsauditor.plugins.audit.internal.local.TestRepos.git;

import io.gitopsauditor.platform.core.testkit.TestGit;
import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * JGit against the git CLI for what {@link CloneInspector} reads. Prints figures, asserts nothing;
 * off unless asked for: {@code ./mvnw -o -pl plugins/audit -am test -Dtest=InspectorTimingTest
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Dinspector.timing=true} (or set the property in the IDE).
 */
@EnabledIfSystemProperty(named = "inspector.timing", matches = "true")
class InspectorTimingTest {

    private static final int RUNS = 7;

    @TempDir
    Path dir;

    @Test
    void printJGitAgainstCliFigures() throws Exception {
        for (int files : new int[] {50, 2_000, 20_000}) {
            Path repo = dir.resolve("repo-" + files);
            Files.createDirectories(repo);
            for (int i = 0; i < files; i++) {
                TestRepos.write(repo.resolve("d" + (i % 100)).resolve("f" + i + ".txt"), "file " + i + "\n");
            }
            git(repo, "init", "-q");
            git(repo, "add", "-A");
            git(repo, "commit", "-q", "-m", "files");
            git(repo, "branch", "topic");
            TestRepos.write(repo.resolve("d1/f1.txt"), "changed\n");
            TestRepos.write(repo.resolve("new.txt"), "untracked\n");
            LocalClone clone = new LocalClone("local:timing", repo, CloneKind.WORKING_TREE, Map.of(), null, null);
            CloneInspector inspector = new CloneInspector(TestGit.service(), java.time.Clock.systemUTC());
            double jgit = median(() -> inspector.inspect(clone));
            double cli = median(() -> {
                git(repo, "status", "--porcelain=v2", "--branch", "--show-stash");
                git(repo, "for-each-ref", "--format=%(refname) %(upstream) %(upstream:track) %(committerdate:unix)", "refs/heads");
            });
            System.out.printf("%,7d files: JGit %7.1f ms, git CLI %7.1f ms (median of %d)%n", files, jgit, cli, RUNS);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static double median(Action action) throws Exception {
        for (int i = 0; i < 3; i++) {
            action.run(); // warm up the JIT and the file system cache
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }
}
