package io.gitopsauditor.plugins.audit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.plugins.audit.testing.CommandRun;
import io.gitopsauditor.plugins.audit.testing.TestGitHubConnection;
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
