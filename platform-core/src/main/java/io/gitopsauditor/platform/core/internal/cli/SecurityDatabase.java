package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.Backups;
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

    static SecurityDatabase open(PlatformConfig config) {
        Database database = Database.open(config.dataDir(), config.databaseBusyTimeout(), 1);
        try {
            MigrationRunner runner = new MigrationRunner(database.dsl());
            runner.newestUnknown(KernelSchema.OWNER, KernelSchema.MIGRATIONS).ifPresent(newest -> {
                throw new DatabaseException("the database in " + config.dataDir() + " was written by a newer GitOps Auditor (kernel"
                        + " schema V" + newest + "); use that version's CLI. The database was left untouched.");
            });
            if (runner.pending(KernelSchema.OWNER, KernelSchema.MIGRATIONS) > 0 && !runner.isEmpty()) {
                Backups.backup(database.dsl(), Backups.defaultTarget(config.dataDir(), "before-" + PlatformInfo.current().version()));
            }
            runner.apply(KernelSchema.OWNER, KernelSchema.TABLE_PREFIX, KernelSchema.MIGRATIONS);
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
