package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.Backups;
import io.gitopsauditor.platform.core.internal.db.DataDirectoryLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gitops-auditor restore}: put a backup back, with the server stopped; the replaced file is kept. */
@Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Replace the database with a backup (stop the server first); the current database is kept beside it.")
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup to restore (from 'gitops-auditor backup').")
    Path backup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PlatformConfig config = common.platformConfig();
        PrintWriter out = spec.commandLine().getOut();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir(), "restore it")) {
            Backups.restore(config.dataDir(), backup).ifPresent(kept -> out.println("The replaced database is kept at " + kept));
            out.println("Restored " + backup.toAbsolutePath() + " into " + config.dataDir());
            out.flush();
            return 0;
        }
    }
}
