package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gitops-auditor}: the one launcher; every feature is a subcommand. */
@Command(name = "gitops-auditor", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Keeps a homelab's Git repositories honest.",
        subcommands = {ServeCommand.class, PluginsCommand.class, MigrateCommand.class, BackupCommand.class, RestoreCommand.class,
                TokenCommand.class, AdminCommand.class,
                VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class RootCommand {

    /** Builds the command line with readable errors: a message and exit code 1, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RootCommand());
        PluginCommandAdapter.addTo(commandLine);
        commandLine.setExecutionExceptionHandler((error, line, parseResult) -> {
            line.getErr().println("error: " + describe(error));
            line.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? "unexpected " + error.getClass().getSimpleName() + " (see the log above)" : message;
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            PlatformInfo info = PlatformInfo.current();
            return new String[] {"GitOps Auditor " + info.version() + " (plugin API " + info.pluginApi() + ")"};
        }
    }
}
