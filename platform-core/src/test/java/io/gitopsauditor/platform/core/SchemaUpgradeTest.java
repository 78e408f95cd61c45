package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.platform.core.testkit.PluginJarBuilder;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrades are safe: a backup before any migration, and a database from a newer version is refused untouched. */
class SchemaUpgradeTest {
    @TempDir
    Path data;

    @Test
    void pendingMigrationsOnAnExistingDatabaseAreBackedUpFirstButANewDatabaseIsNot() throws Exception {
        io.gitopsauditor.platform.core.testkit.ExamplePlugin.server(data).close();
        assertThat(backups()).isEmpty();
        PluginJarBuilder.simplePlugin("test.later", "later", "0.1",
                "public void register(PluginContext c) { c.migrations().sql(1, \"create\", \"CREATE TABLE later_t (id INTEGER)\"); }")
                .buildInto(data.resolve("plugins"), "later.jar");
        try (TestServer server = TestServer.start(data)) {
            assertThat(server.plugin("later").path("state").asText()).isEqualTo("STARTED");
        }
        List<Path> backups = backups();
        assertThat(backups).hasSize(1);
        assertThat(backups.getFirst().getFileName().toString()).matches("gitops-auditor-\\d{8}-\\d{6}-before-.*\\.db");
        try (TestServer again = TestServer.start(data)) {
            assertThat(backups()).as("nothing pending, no backup").hasSize(1);
        }
    }

    @Test
    void databaseMigratedByANewerKernelIsRefusedAndLeftUntouched() throws Exception {
        io.gitopsauditor.platform.core.testkit.ExamplePlugin.server(data).close();
        sql("INSERT INTO platform_migrations VALUES ('platform', 99, 'from the future', 'x', '2030-01-01T00:00:00Z')",
                "INSERT OR REPLACE INTO platform_meta VALUES ('written-by-version', '9.0.0')");
        String before = sha256(data.resolve("gitops-auditor.db"));
        assertThatThrownBy(() -> TestServer.start(data))
                .hasMessageContaining("was written by GitOps Auditor 9.0.0 (kernel schema V99)")
                .hasMessageContaining("left untouched");
        assertThat(sha256(data.resolve("gitops-auditor.db"))).isEqualTo(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void pluginTablesMigratedByANewerPluginFailOnlyThatPluginAndKeepTheirData() throws Exception {
        try (TestServer server = io.gitopsauditor.platform.core.testkit.ExamplePlugin.server(data)) {
            server.postJson("/api/hello/greetings", "{\"name\":\"kept\"}");
        }
        sql("INSERT INTO platform_migrations VALUES ('hello', 7, 'from the future', 'x', '2030-01-01T00:00:00Z')");
        try (TestServer server = TestServer.start(data)) {
            var hello = server.plugin("hello");
            assertThat(hello.path("state").asText()).isEqualTo("FAILED");
            assertThat(hello.path("reason").asText()).contains("migration V7").contains("knows only up to V1");
            assertThat(server.get("/api/platform/health").statusCode()).isEqualTo(200);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gitops-auditor.db"));
             var rows = connection.createStatement().executeQuery("SELECT name FROM hello_greetings")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void secondServerOnTheSameDataDirectoryIsRefused() {
        try (TestServer first = TestServer.start(data)) {
            assertThatThrownBy(() -> TestServer.start(data)).hasMessageContaining("is in use by another GitOps Auditor process");
            assertThat(first.get("/api/platform/health").statusCode()).isEqualTo(200);
        }
    }

    private List<Path> backups() throws Exception {
        Path folder = data.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private void sql(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gitops-auditor.db"));
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
