package io.gitopsauditor.plugins.audit.testing;

import io.gitopsauditor.platform.core.testkit.TestGit;
import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import io.gitopsauditor.plugin.api.spi.PluginCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a plugin command as the launcher does (its arguments as typed, its config as
 * {@code plugins.<id>.*}), and keeps what it printed.
 *
 * @param exitCode what the process would exit with
 * @param out      its standard output
 * @param err      its standard error
 */
public record CommandRun(int exitCode, String out, String err) {

    /**
     * @param command          the command
     * @param workingDirectory the folder it runs in
     * @param github           where GitHub is
     * @param config           {@code plugins.<id>.*} keys without the prefix, e.g. {@code depth}
     * @param arguments        what follows the command's name on the command line
     */
    public static CommandRun of(PluginCommand command, Path workingDirectory, GitHubConnection github, Map<String, String> config,
                                String... arguments) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(new PrintWriter(out, true), new PrintWriter(err, true), new MapConfig(config),
                github, TestGit.service(), workingDirectory);
        int code = command.run(environment, List.of(arguments));
        environment.out().flush();
        environment.err().flush();
        return new CommandRun(code, out.toString(), err.toString());
    }

    private record Environment(PrintWriter out, PrintWriter err, PluginConfig config, GitHubConnection github,
                               GitRepositories git, Path workingDirectory) implements PluginCommand.Environment {
    }

    /** The few value types the audit reads, parsed as plainly as the kernel's config does. */
    private record MapConfig(Map<String, String> values) implements PluginConfig {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public int integer(String key, int defaultValue) {
            return get(key).map(String::strip).map(Integer::parseInt).orElse(defaultValue);
        }

        @Override
        public boolean bool(String key, boolean defaultValue) {
            return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
        }

        @Override
        public Duration duration(String key, Duration defaultValue) {
            return get(key).map(Duration::parse).orElse(defaultValue);
        }

        @Override
        public List<String> list(String key) {
            return get(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
        }
    }
}
