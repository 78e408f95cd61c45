package io.gitopsauditor.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.internal.db.Backups;
import io.gitopsauditor.platform.core.internal.db.Database;
import io.gitopsauditor.platform.core.internal.security.SetupSecret;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database holds session CSRF tokens and the backups copies of it: only the service user may
 * read them, whatever the umask of the process that created them.
 */
class PrivateFilesTest {
    @TempDir
    Path parent;

    @Test
    void aNewDataFolderItsDatabaseBackupsAndPluginDataAreOwnerOnly() throws Exception {
        Path data = parent.resolve("data");
        try (TestServer server = TestServer.start(data)) {
            server.get("/api/platform/plugins"); // some writes, so the WAL exists
            Path backup = Backups.backup(server.platform().database().dsl(), Backups.defaultTarget(data, "test"));

            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve(Database.FILE_NAME))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve(Database.FILE_NAME + "-wal"))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve(Database.FILE_NAME + "-shm"))).isEqualTo("rw-------");
            assertThat(permissions(backup.getParent())).isEqualTo("rwx------");
            assertThat(permissions(backup)).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("plugin-data"))).isEqualTo("rwx------");
        }
    }

    @Test
    void filesLeftReadableByOthersAreTightenedAtStart() throws Exception {
        Path data = parent.resolve("data");
        try (TestServer server = TestServer.start(data)) {
            Backups.backup(server.platform().database().dsl(), Backups.defaultTarget(data, "old"));
        }
        Path backups = data.resolve(Backups.FOLDER);
        Path oldBackup;
        try (var files = Files.list(backups)) {
            oldBackup = files.findFirst().orElseThrow();
        }
        for (Path folder : new Path[] {data, backups, data.resolve("plugin-data")}) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path file : new Path[] {data.resolve(Database.FILE_NAME), oldBackup, data.resolve(SetupSecret.FILE_NAME)}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (TestServer server = TestServer.start(data)) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(backups)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("plugin-data"))).isEqualTo("rwx------");
            assertThat(permissions(data.resolve(Database.FILE_NAME))).isEqualTo("rw-------");
            assertThat(permissions(oldBackup)).isEqualTo("rw-------");
            assertThat(permissions(data.resolve(SetupSecret.FILE_NAME))).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
