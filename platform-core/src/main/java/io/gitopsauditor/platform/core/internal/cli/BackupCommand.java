package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.Backups;
import io.gitopsauditor.platform.core.internal.db.Database;
import io.gitopsauditor.platform.core.internal.db.DatabaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gitops-auditor backup}: a consistent copy of the database, also while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Write a consistent copy of the database (safe while the server runs); prints the file's path.")
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--to", paramLabel = "FILE",
            description = "Where to write the copy (must not exist; default <data-dir>/backups/gitops-auditor-<time>.db).")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PlatformConfig config = common.platformConfig();
        if (!Files.exists(config.dataDir().resolve(Database.FILE_NAME))) {
            throw new DatabaseException("there is no database in " + config.dataDir() + " to back up");
        }
        try (Database database = Database.open(config.dataDir(), config.databaseBusyTimeout(), 1)) {
            Path written = Backups.backup(database.dsl(), target != null ? target : Backups.defaultTarget(config.dataDir(), ""));
            spec.commandLine().getOut().println(written.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
