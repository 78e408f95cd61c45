package io.gitopsauditor.plugin.api.spi;

import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A subcommand a plugin adds to the {@code gitops-auditor} launcher, e.g.
 * {@code gitops-auditor audit --root ~/src}. Found by {@link java.util.ServiceLoader} in the
 * plugin's module ({@code provides io.gitopsauditor.plugin.api.spi.PluginCommand with ...}) and
 * run without a server: no database, no HTTP, no other plugin. The command parses its own
 * arguments (including {@code --help}) and prints readable errors, never a stack trace.
 *
 * @since 0.1
 */
public interface PluginCommand {

    /**
     * @return the subcommand name, lower-case letters and dashes; must not clash with the kernel's
     *         ({@code serve}, {@code plugins}, {@code migrate}, {@code backup}, {@code restore},
     *         {@code token}, {@code admin}, {@code version}, {@code help})
     */
    String name();

    /**
     * @return the id of the plugin whose configuration ({@code plugins.<id>.*}) the command reads
     */
    String pluginId();

    /**
     * @return one line for {@code gitops-auditor --help}
     */
    String summary();

    /**
     * Runs the command.
     *
     * @param environment where to print, and the configuration
     * @param arguments   the arguments after the subcommand name, as given
     * @return the process exit code: 0 for success, 1 for an error, 2 for a usage error; a
     *         command may define more (document them in its help)
     * @throws Exception an unexpected failure: the launcher prints its message and exits with 1
     */
    int run(Environment environment, List<String> arguments) throws Exception;

    /**
     * What the launcher gives a command.
     *
     * @since 0.1
     */
    interface Environment {
        /**
         * @return standard output, for results
         */
        PrintWriter out();

        /**
         * @return standard error, for progress and errors
         */
        PrintWriter err();

        /**
         * @return the plugin's configuration from the config file ({@code GITOPS_AUDITOR_CONFIG})
         *         and the environment, as the server would read it
         */
        PluginConfig config();

        /**
         * @return the configured GitHub connection
         */
        GitHubConnection github();

        /**
         * @return the platform's safe git service, configured as the server's
         * @since 0.2
         */
        GitRepositories git();

        /**
         * @return the folder the command was started in, for relative paths
         */
        Path workingDirectory();
    }
}
