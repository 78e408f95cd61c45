package io.gitopsauditor.plugins.audit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.plugins.audit.testing.CommandRun;
import io.gitopsauditor.platform.core.testkit.TestGitHubConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gitops-auditor audit} as a user runs it: arguments as typed, real clones, what it prints and writes. */
class AuditCommandTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    @TempDir
    Path temp;
    private Path root;

    @BeforeEach
    void clones() throws Exception {
        root = Files.createDirectories(temp.resolve("src"));
        commitIn(root.resolve("notes"));
    }

    private CommandRun audit(String... arguments) throws Exception {
        return CommandRun.of(new AuditCommand(), temp, TestGitHubConnection.anonymous(URI.create("http://127.0.0.1:9")), Map.of(),
                arguments);
    }

    private CommandRun report(Path output) throws Exception {
        return audit("--root", root.toString(), "--format", "json", "--fail-on", "never", "-q", "--output", output.toString());
    }

    @Test
    void aReportToACharacterDeviceLeavesTheDeviceInPlace() throws Exception {
        // A device like /dev/null (char 1,3) made in the temporary folder: a failing test must not replace the machine's own.
        Path devNull = temp.resolve("null");
        Assumptions.assumeTrue(run("mknod", devNull.toString(), "c", "1", "3") == 0, "mknod needs root");

        CommandRun run = report(devNull);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(fileType(devNull)).as("still a character device").isEqualTo(S_IFCHR);
    }

    @Test
    void aReportToAFifoIsWrittenIntoIt() throws Exception {
        Path fifo = temp.resolve("report.fifo");
        Assumptions.assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo is not installed");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CommandRun run = report(fifo);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(reader.get(10, TimeUnit.SECONDS)).contains("\"schema\"");
        assertThat(fileType(fifo)).isEqualTo(S_IFIFO);
    }

    @Test
    void aReportThroughASymbolicLinkGoesToItsTargetAndKeepsTheLink() throws Exception {
        Path target = Files.writeString(Files.createDirectories(temp.resolve("reports")).resolve("latest.json"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("audit.json"), target);

        CommandRun run = report(link);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(Files.readString(target)).contains("\"schema\"");
    }

    @Test
    void anExistingReportKeepsItsPermissionsAndANewOneGetsTheUmasksMode() throws Exception {
        Path existing = Files.writeString(temp.resolve("existing.json"), "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        Path plain = Files.createFile(temp.resolve("made-like-any-tool"));

        assertThat(report(existing).exitCode()).isZero();
        assertThat(report(temp.resolve("new.json")).exitCode()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(existing)).contains("\"schema\"");
        assertThat(Files.getPosixFilePermissions(temp.resolve("new.json"))).isEqualTo(Files.getPosixFilePermissions(plain));
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aReportThatCannotBeWrittenIsOneReadableError() throws Exception {
        Path missing = temp.resolve("no-such-folder/audit.json");
        Path folder = Files.createDirectories(temp.resolve("a-folder"));

        CommandRun intoNothing = report(missing);
        CommandRun ontoAFolder = report(folder);

        assertThat(intoNothing.exitCode()).isEqualTo(1);
        assertThat(intoNothing.err()).isEqualTo("error: cannot write the report to " + missing + ": no such folder\n");
        assertThat(ontoAFolder.exitCode()).isEqualTo(1);
        assertThat(ontoAFolder.err()).isEqualTo("error: cannot write the report to " + folder + ": Is a directory\n");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void aDepthOutsideOneToTenIsABadArgumentWithOneReadableLine() throws Exception {
        for (String depth : List.of("11", "0", "-1")) {
            CommandRun run = audit("--root", root.toString(), "--depth", depth);

            assertThat(run.exitCode()).as(depth).isEqualTo(2);
            assertThat(run.err()).as(depth).startsWith("error: --depth must be between 1 and 10, got " + depth + "\n")
                    .contains("Run 'gitops-auditor audit --help'").doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }
        assertThat(audit("--root", root.toString(), "--depth", "10", "--fail-on", "never", "-q").exitCode()).isZero();
        CommandRun parallelism = audit("--root", root.toString(), "--parallelism", "0");
        assertThat(parallelism.exitCode()).isEqualTo(2);
        assertThat(parallelism.err()).startsWith("error: --parallelism must be between 1 and 64, got 0\n");
    }

    @Test
    void aDepthOutsideOneToTenInTheConfigIsAnError() throws Exception {
        CommandRun run = CommandRun.of(new AuditCommand(), temp, TestGitHubConnection.anonymous(URI.create("http://127.0.0.1:9")),
                Map.of("depth", "11"), "--root", root.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: plugins.audit.depth must be between 1 and 10, got 11\n");
    }

    @Test
    void quietPrintsNothingOnStandardErrorEvenWhenGitHubIsRetried() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler recorder = recorder(logged);
        Logger.getLogger("").addHandler(recorder);
        try {
            CommandRun run = CommandRun.of(new AuditCommand(), temp, TestGitHubConnection.anonymous(closedPort()), Map.of(),
                    "--root", root.toString(), "--github-owner", "octocat", "--fail-on", "never", "-q");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(logged).as("github-api's retry lines reach no log handler").noneMatch(r -> r.getLoggerName().startsWith("org.kohsuke"));
        } finally {
            Logger.getLogger("").removeHandler(recorder);
        }
    }

    @Test
    void withoutQuietGitHubRetriesAreOneReadableLineEachNotAStackTrace() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler recorder = recorder(logged);
        Logger.getLogger("").addHandler(recorder);
        try {
            CommandRun run = CommandRun.of(new AuditCommand(), temp, TestGitHubConnection.anonymous(closedPort()), Map.of(),
                    "--root", root.toString(), "--github-owner", "octocat", "--fail-on", "never");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err().lines().filter(line -> line.startsWith("audit: GitHub: "))).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("audit: GitHub: cannot connect to http://127.0.0.1:")
                            .contains("(ConnectException), retrying in"));
            assertThat(run.err()).doesNotContain("\tat ", "Exception:");
            assertThat(logged).noneMatch(r -> r.getLoggerName().startsWith("org.kohsuke"));
        } finally {
            Logger.getLogger("").removeHandler(recorder);
        }
    }

    @Test
    void theTableHasAPathColumnThatTellsTwoClonesOfOneNameApart() throws Exception {
        commitIn(root.resolve("work/app"));
        commitIn(root.resolve("personal/app"));

        CommandRun run = audit("--root", root.toString(), "--fail-on", "never", "-q");

        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).contains("REPOSITORY").contains("PATH");
        assertThat(lines).anyMatch(line -> line.contains(" app ") && line.contains("work/app"))
                .anyMatch(line -> line.contains(" app ") && line.contains("personal/app"));
        assertThat(lines).noneMatch(line -> line.contains(root.toString()));
    }

    @Test
    void aLongPathIsShortenedFromTheLeftSoTheTableStaysReadable() throws Exception {
        Path deep = root.resolve("a-rather-long-group-name/an-even-longer-team-name-here/the-repository-itself");
        commitIn(deep);

        CommandRun run = audit("--root", root.toString(), "--depth", "3", "--fail-on", "never", "-q");

        String row = run.out().lines().filter(line -> line.contains("the-repository-itself")).findFirst().orElseThrow();
        assertThat(row).contains("…").contains("/the-repository-itself");
        String heading = run.out().lines().findFirst().orElseThrow();
        assertThat(row.indexOf("[high]")).as("findings start under their heading").isEqualTo(heading.indexOf("FINDINGS"));
        assertThat(heading.indexOf("FINDINGS") - heading.indexOf("PATH")).as("the path column's width").isLessThanOrEqualTo(42);
    }

    private static Handler recorder(List<LogRecord> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** GitHub unreachable: a port nothing listens on, so every request is refused and github-api retries it. */
    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static int fileType(Path path) throws Exception {
        return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & S_IFMT;
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (java.io.IOException notInstalled) {
            return 127;
        }
    }

    private static void commitIn(Path folder) throws Exception {
        try (Git git = Git.init().setInitialBranch("main").setDirectory(folder.toFile()).call()) {
            Files.writeString(folder.resolve("todo.txt"), "buy milk", StandardCharsets.UTF_8);
            git.add().addFilepattern("todo.txt").call();
            git.commit().setMessage("first").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
    }
}
