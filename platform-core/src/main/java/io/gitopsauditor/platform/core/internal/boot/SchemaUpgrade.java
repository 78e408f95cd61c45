package io.gitopsauditor.platform.core.internal.boot;

import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.Backups;
import io.gitopsauditor.platform.core.internal.db.Database;
import io.gitopsauditor.platform.core.internal.db.DatabaseException;
import io.gitopsauditor.platform.core.internal.db.KernelSchema;
import io.gitopsauditor.platform.core.internal.db.MigrationRunner;
import io.gitopsauditor.platform.core.internal.plugin.PluginManager;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database up to this version, safely: refuse a database a newer kernel migrated
 * (untouched), fail plugins whose tables a newer plugin migrated, back the database up when
 * anything is about to change, then apply the kernel's and the plugins' pending migrations and
 * record this version as the last writer. Used by {@code serve} and {@code migrate}.
 */
public final class SchemaUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);

    /**
     * @param backup  the copy taken before migrating, if anything had to change in an existing database
     * @param pending migrations that were pending, kernel and plugins
     */
    public record Result(Optional<Path> backup, int pending) {
    }

    private SchemaUpgrade() {
    }

    /**
     * Runs after the plugins registered (their migrations are known) and before they start.
     *
     * @throws DatabaseException when a newer version wrote the kernel's schema, or a backup or kernel migration fails
     */
    public static Result run(Database database, MigrationRunner runner, PluginManager plugins, PlatformConfig config,
                             String version) {
        boolean fresh = runner.isEmpty();
        refuseNewerKernel(database, runner, config, version);
        plugins.refuseNewerSchemas(runner);
        int pending = runner.pending(KernelSchema.OWNER, KernelSchema.MIGRATIONS) + plugins.pendingMigrations(runner);
        Optional<Path> backup = pending > 0 && !fresh ? Optional.of(backUp(database, config, version, pending)) : Optional.empty();
        runner.apply(KernelSchema.OWNER, KernelSchema.TABLE_PREFIX, KernelSchema.MIGRATIONS);
        plugins.migrate(runner);
        KernelSchema.stamp(database.dsl(), version);
        return new Result(backup, pending);
    }

    /**
     * The kernel's part alone, for tools that need only the kernel's tables (the token and admin
     * commands): refuse a newer database, back up and migrate the kernel if it is behind.
     */
    public static void runKernel(Database database, MigrationRunner runner, PlatformConfig config, String version) {
        refuseNewerKernel(database, runner, config, version);
        int pending = runner.pending(KernelSchema.OWNER, KernelSchema.MIGRATIONS);
        if (pending > 0) {
            if (!runner.isEmpty()) {
                backUp(database, config, version, pending);
            }
            runner.apply(KernelSchema.OWNER, KernelSchema.TABLE_PREFIX, KernelSchema.MIGRATIONS);
            KernelSchema.stamp(database.dsl(), version);
        }
    }

    private static void refuseNewerKernel(Database database, MigrationRunner runner, PlatformConfig config, String version) {
        runner.newestUnknown(KernelSchema.OWNER, KernelSchema.MIGRATIONS).ifPresent(newest -> {
            throw new DatabaseException("the database in " + config.dataDir() + " was written by GitOps Auditor "
                    + KernelSchema.writtenBy(database.dsl()).orElse("(a newer version)") + " (kernel schema V" + newest
                    + "); this is " + version + ", which knows up to V" + KernelSchema.knownVersion()
                    + ". Run that version or newer, or restore a backup made with this one. The database was left untouched.");
        });
    }

    private static Path backUp(Database database, PlatformConfig config, String version, int pending) {
        Path target = Backups.backup(database.dsl(), Backups.defaultTarget(config.dataDir(), "before-" + safe(version)));
        LOG.info("{} pending migration(s): backed up the database to {} first", pending, target);
        Backups.pruneAutomatic(config.dataDir(), config.backupsToKeep());
        return target;
    }

    private static String safe(String version) {
        return version.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
