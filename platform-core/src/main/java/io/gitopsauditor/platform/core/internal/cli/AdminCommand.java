package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.plugin.api.ProblemException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gitops-auditor admin reset-password}: on the server machine, for a forgotten password. */
@Command(name = "admin", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Administer accounts on the server machine.", subcommands = AdminCommand.ResetPassword.class)
public final class AdminCommand {

    /** {@code admin reset-password}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
            description = "Set a user's password (asked for, or read from standard input with --password-stdin) and end their sessions.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--user", paramLabel = "NAME", description = "The user (default: the only user, the admin).")
        String user;

        @Option(names = "--password-stdin", description = "Read the new password from the first line of standard input.")
        boolean fromStdin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PlatformConfig config = common.platformConfig();
            try (SecurityDatabase db = SecurityDatabase.open(config)) {
                var users = db.store().usernames();
                String name = user != null ? user : users.size() == 1 ? users.getFirst() : null;
                if (name == null) {
                    throw ProblemException.invalidInput(users.isEmpty()
                            ? "there is no user yet: finish the first-run setup instead"
                            : "name the user with --user (users: " + String.join(", ", users) + ")");
                }
                String password = readPassword();
                if (!db.store().setPassword(name, password)) {
                    throw ProblemException.notFound("no user named '" + name + "'");
                }
                db.store().record("password-reset", "cli", "cli", "password of '" + name + "' reset; sessions ended");
                spec.commandLine().getOut().println("Password of '" + name + "' reset; their sessions were ended.");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }

        private String readPassword() throws IOException {
            Console console = System.console();
            if (!fromStdin && console != null) {
                char[] first = console.readPassword("New password: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                    throw ProblemException.invalidInput("the two passwords differ");
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw ProblemException.invalidInput("no password on standard input");
            }
            return line;
        }
    }
}
