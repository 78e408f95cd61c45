package io.gitopsauditor.platform.core.internal.cli;

import static io.gitopsauditor.platform.core.internal.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {
    @TempDir
    Path data;

    @TempDir
    Path elsewhere;

    @Test
    void backupWorksWhileTheServerRunsAndRestoreWaitsForItToStop() throws Exception {
        Path backup = elsewhere.resolve("snapshot.db");
        try (TestServer server = io.gitopsauditor.platform.core.testkit.ExamplePlugin.server(data)) {
            server.postJson("/api/hello/greetings", "{\"name\":\"before backup\"}");
            CliTest.Run backedUp = run("backup", "--data-dir", data.toString(), "--to", backup.toString());
            assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
            assertThat(backedUp.out().strip()).isEqualTo(backup.toAbsolutePath().toString());
            server.postJson("/api/hello/greetings", "{\"name\":\"after backup\"}");

            CliTest.Run refused = run("restore", "--data-dir", data.toString(), "--from", backup.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("is in use").contains("stop it before you restore it");
        }
        CliTest.Run restored = run("restore", "--data-dir", data.toString(), "--from", backup.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("The replaced database is kept at");
        assertThat(data.toFile().list()).anyMatch(name -> name.startsWith("gitops-auditor.db.before-restore-"));
        try (TestServer server = io.gitopsauditor.platform.core.testkit.ExamplePlugin.server(data)) {
            String greetings = server.get("/api/hello/greetings").body();
            assertThat(greetings).contains("before backup").doesNotContain("after backup");
        }
    }

    @Test
    void backupRefusesToOverwriteAndRestoreRefusesWhatIsNotADatabase() throws Exception {
        io.gitopsauditor.platform.core.testkit.ExamplePlugin.server(data).close();
        Path existing = Files.writeString(elsewhere.resolve("taken.db"), "x");
        assertThat(run("backup", "--data-dir", data.toString(), "--to", existing.toString()).err())
                .contains("already exists");
        CliTest.Run notADatabase = run("restore", "--data-dir", data.toString(), "--from", existing.toString());
        assertThat(notADatabase.exitCode()).isEqualTo(1);
        assertThat(notADatabase.err()).startsWith("error: backup").contains("was not restored").doesNotContain("\tat ");
        assertThat(Files.exists(data.resolve("gitops-auditor.db"))).as("the live database is untouched").isTrue();
    }
}
