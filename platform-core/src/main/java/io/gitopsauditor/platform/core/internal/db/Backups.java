package io.gitopsauditor.platform.core.internal.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * Consistent copies of the database: {@code VACUUM INTO} writes a compact, self-contained copy
 * while readers and the writer carry on (it reads one snapshot), and restore puts a checked copy
 * back, keeping the file it replaces.
 */
public final class Backups {
    public static final String FOLDER = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Backups() {
    }

    /** {@code <data-dir>/backups/gitops-auditor-<time>[-<label>].db} */
    public static Path defaultTarget(Path dataDir, String label) {
        String name = "gitops-auditor-" + LocalDateTime.now().format(STAMP) + (label.isEmpty() ? "" : "-" + label) + ".db";
        return dataDir.resolve(FOLDER).resolve(name);
    }

    /**
     * Writes a copy of the live database.
     *
     * @throws DatabaseException when the target exists or cannot be written
     */
    public static Path backup(DSLContext dsl, Path target) {
        if (Files.exists(target)) {
            throw new DatabaseException("backup target " + target + " already exists; choose another file");
        }
        try {
            PrivateFiles.folder(target.toAbsolutePath().getParent());
            // VACUUM INTO accepts an empty file; made here, it is owner-only whatever the umask.
            PrivateFiles.emptyFile(target);
        } catch (IOException e) {
            throw new DatabaseException("cannot create " + target + ": " + e.getMessage(), e);
        }
        try {
            dsl.connection(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
                }
            });
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw new DatabaseException("backup to " + target + " failed: " + Database.rootMessage(e), e);
        }
        return target;
    }

    /** Deletes all but the newest {@code keep} automatic backups (those labelled {@code before-*}). */
    public static void pruneAutomatic(Path dataDir, int keep) {
        Path folder = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> automatic = files.filter(p -> p.getFileName().toString().matches("gitops-auditor-\\d{8}-\\d{6}-before-.*\\.db"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
            for (Path old : automatic.subList(Math.min(keep, automatic.size()), automatic.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot prune old backups in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the database with a backup. The caller holds the data-directory lock, so no
     * server has the database open. The current file is kept beside it, never deleted.
     *
     * @return where the replaced database was kept, if there was one
     * @throws DatabaseException when the backup is not a sound GitOps Auditor database
     */
    public static java.util.Optional<Path> restore(Path dataDir, Path backup) {
        check(backup);
        Path live = dataDir.resolve(Database.FILE_NAME);
        java.util.Optional<Path> kept = java.util.Optional.empty();
        try {
            PrivateFiles.folder(dataDir);
            if (Files.exists(live)) {
                // Fold any WAL into the file first, so the kept copy is complete on its own.
                try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + live);
                     Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                Path aside = dataDir.resolve(Database.FILE_NAME + ".before-restore-" + LocalDateTime.now().format(STAMP));
                Files.move(live, aside);
                kept = java.util.Optional.of(aside);
            }
            for (String suffix : List.of("-wal", "-shm")) {
                Files.deleteIfExists(dataDir.resolve(Database.FILE_NAME + suffix));
            }
            Path staged = dataDir.resolve(Database.FILE_NAME + ".restoring");
            Files.copy(backup, staged, StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.restrict(staged);
            Files.move(staged, live, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (IOException | SQLException e) {
            throw new DatabaseException("restore from " + backup + " failed: " + e.getMessage()
                    + (kept.isPresent() ? " (the previous database is kept at " + kept.get() + ")" : ""), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The failure reported is the backup's; an empty leftover file is harmless.
        }
    }

    private static void check(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new DatabaseException("backup " + backup + " does not exist or is not a file");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + backup.toAbsolutePath() + "?mode=ro");
             Statement statement = connection.createStatement()) {
            try (ResultSet integrity = statement.executeQuery("PRAGMA integrity_check")) {
                if (!integrity.next() || !"ok".equals(integrity.getString(1))) {
                    throw new DatabaseException("backup " + backup + " fails SQLite's integrity check; it was not restored");
                }
            }
            try (ResultSet tables = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'platform_migrations'")) {
                if (!tables.next() || tables.getInt(1) != 1) {
                    throw new DatabaseException("backup " + backup + " is not a GitOps Auditor database; it was not restored");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("backup " + backup + " cannot be read as a SQLite database: " + e.getMessage(), e);
        }
    }
}
