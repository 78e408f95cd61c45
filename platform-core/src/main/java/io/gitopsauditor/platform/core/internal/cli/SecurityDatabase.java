package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.Backups;
import io.gitopsauditor.platform.core.internal.db.DataDirectoryLock;
import io.gitopsauditor.platform.core.internal.db.Database;
import io.gitopsauditor.platform.core.internal.db.DatabaseException;
import io.gitopsauditor.platform.core.internal.db.KernelSchema;
import io.gitopsauditor.platform.core.internal.db.MigrationRunner;
import io.gitopsauditor.platform.core.internal.security.SecurityStore;

/**
 * The database as the admin commands need it: the kernel's tables present and of a schema this
 * version knows. Safe beside a running server (SQLite WAL; each change is one short transaction).
 */
final class SecurityDatabase implements AutoCloseable {
    private final Database database;
    private final SecurityStore store;

    private SecurityDatabase(Database database, SecurityStore store) {
        this.database = database;
        this.store = store;
    }

    /**
     * @throws DatabaseException when there is no database (a wrong --data-dir would otherwise get a new, empty one the server
     *                           never reads), when a newer version wrote it, or when it needs migrating while a server runs
     */
    static SecurityDatabase open(PlatformConfig config) {
        if (!java.nio.file.Files.exists(config.dataDir().resolve(Database.FILE_NAME))) {
            throw new DatabaseException("there is no GitOps Auditor database in " + config.dataDir()
                    + ": check --data-dir (or GITOPS_AUDITOR_DATA_DIR), or start the server once to create it");
        }
        Database database = Database.open(config.dataDir(), config.databaseBusyTimeout(), 1);
        try {
            MigrationRunner runner = new MigrationRunner(database.dsl());
            runner.newestUnknown(KernelSchema.OWNER, KernelSchema.MIGRATIONS).ifPresent(newest -> {
                throw new DatabaseException("the database in " + config.dataDir() + " was written by a newer GitOps Auditor (kernel"
                        + " schema V" + newest + "); use that version's CLI. The database was left untouched.");
            });
            if (runner.pending(KernelSchema.OWNER, KernelSchema.MIGRATIONS) > 0) {
                // Only with the data directory to ourselves: never migrate under a running (older) server.
                try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir(), "let this newer CLI migrate it")) {
                    Backups.backup(database.dsl(), Backups.defaultTarget(config.dataDir(), "before-" + PlatformInfo.current().version()));
                    runner.apply(KernelSchema.OWNER, KernelSchema.TABLE_PREFIX, KernelSchema.MIGRATIONS);
                }
            }
            return new SecurityDatabase(database, new SecurityStore(database.dsl(), config.sessionLifetime()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    SecurityStore store() {
        return store;
    }

    @Override
    public void close() {
        database.close();
    }
}
