package io.gitopsauditor.platform.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationRunnerTest {
    @TempDir
    Path dir;

    Database database;
    MigrationRunner runner;

    @BeforeEach
    void open() {
        database = Database.open(dir, Duration.ofSeconds(2), 2);
        runner = new MigrationRunner(database.dsl());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void databaseRunsInWalWithForeignKeysAndFullSync() {
        assertThat(database.dsl().fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(database.dsl().fetchValue("PRAGMA foreign_keys").toString()).isEqualTo("1");
        assertThat(database.dsl().fetchValue("PRAGMA synchronous").toString()).isEqualTo("2");
    }

    @Test
    void appliesPendingMigrationsInOrderOnce() {
        List<Migration> migrations = List.of(
                Migration.of(2, "add column", "ALTER TABLE x_items ADD COLUMN note VARCHAR(10)"),
                Migration.of(1, "create", "CREATE TABLE x_items (id INTEGER PRIMARY KEY)"));
        assertThat(runner.apply("x", "x_", migrations)).isEqualTo(2);
        assertThat(runner.apply("x", "x_", migrations)).isZero();
        assertThat(runner.appliedVersions("x")).containsExactly(1, 2);
    }

    @Test
    void failedMigrationIsRolledBackAndNotRecorded() {
        Migration broken = Migration.of(1, "half", "CREATE TABLE x_half (id INTEGER); INSERT INTO nowhere VALUES (1)");
        assertThatThrownBy(() -> runner.apply("x", "x_", List.of(broken)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("x: migration V1 (half) failed and was rolled back");
        assertThat(runner.appliedVersions("x")).isEmpty();
        assertThat(database.dsl().fetchCount(DSL.table(DSL.name("sqlite_master")), DSL.field("name").eq("x_half"))).isZero();
    }

    @Test
    void editedAppliedMigrationIsRefused() {
        runner.apply("x", "x_", List.of(Migration.of(1, "create", "CREATE TABLE x_a (id INTEGER)")));
        assertThatThrownBy(() -> runner.apply("x", "x_", List.of(Migration.of(1, "create", "CREATE TABLE x_a (id BIGINT)"))))
                .hasMessageContaining("was changed after it was applied");
    }

    @Test
    void scriptNamesCarryVersionAndDescription() {
        Migration migration = Migration.fromScript("V12__add_index.sql", "CREATE INDEX x_i ON x_a (id)");
        assertThat(migration.version()).isEqualTo(12);
        assertThat(migration.description()).isEqualTo("add index");
        assertThatThrownBy(() -> Migration.fromScript("create.sql", "x")).hasMessageContaining("V<version>__<description>.sql");
    }
}
