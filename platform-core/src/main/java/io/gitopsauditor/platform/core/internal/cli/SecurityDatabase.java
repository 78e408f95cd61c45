package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import io.gitopsauditor.platform.core.internal.boot.SchemaUpgrade;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
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
            // Migrating needs the data directory to ourselves: never under a running (older) server.
            boolean behind = runner.pending(KernelSchema.OWNER, KernelSchema.MIGRATIONS) > 0;
            try (DataDirectoryLock lock = behind ? DataDirectoryLock.acquire(config.dataDir(), "let this newer CLI migrate it") : null) {
                SchemaUpgrade.runKernel(database, runner, config, PlatformInfo.current().version());
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
