package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.config.PluginConfigView;
import io.gitopsauditor.platform.core.internal.git.PlatformGit;
import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.spi.PluginCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Adds the subcommands built-in plugins provide ({@link PluginCommand}) to the launcher. The
 * plugin parses its own arguments, so everything after the subcommand name (options and
 * {@code --help} included) is handed over untouched.
 */
final class PluginCommandAdapter implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(PluginCommandAdapter.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{0,31}");

    private final PluginCommand command;
    private final CommandSpec spec;

    private PluginCommandAdapter(PluginCommand command) {
        this.command = command;
        this.spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(command.name());
        spec.usageMessage().description(command.summary());
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("ARGS").type(List.class)
                .auxiliaryTypes(String.class).description("Arguments of the command; see '" + command.name() + " --help'.")
                .build());
    }

    /** Adds every plugin command found in the boot layer whose name is free. */
    static void addTo(CommandLine root) {
        for (PluginCommand command : discover()) {
            if (!NAME.matcher(command.name()).matches() || root.getSubcommands().containsKey(command.name())) {
                LOG.warn("plugin command '{}' of plugin {} is refused: its name is invalid or taken", command.name(), command.pluginId());
                continue;
            }
            PluginCommandAdapter adapter = new PluginCommandAdapter(command);
            CommandLine sub = new CommandLine(adapter.spec);
            sub.setUnmatchedOptionsArePositionalParams(true);
            sub.setUnmatchedArgumentsAllowed(true);
            root.addSubcommand(command.name(), sub);
        }
    }

    private static List<PluginCommand> discover() {
        List<PluginCommand> found = new ArrayList<>();
        var iterator = ServiceLoader.load(ModuleLayer.boot(), PluginCommand.class).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return found;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("a plugin command could not be loaded: {}", e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> arguments = new ArrayList<>();
        spec.positionalParameters().forEach(p -> {
            List<String> values = p.getValue();
            if (values != null) {
                arguments.addAll(values);
            }
        });
        arguments.addAll(spec.commandLine().getUnmatchedArguments());
        ConfigSource source = new CommonOptions().configSource(Map.of());
        PlatformConfig platform = PlatformConfig.from(source);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfiguredGitHub github = new ConfiguredGitHub(platform.github())) {
            return command.run(new Environment(out, err, new PluginConfigView(source, command.pluginId()),
                    github, new PlatformGit(platform.git(), github), Path.of("").toAbsolutePath()), arguments);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private record Environment(PrintWriter out, PrintWriter err, PluginConfig config, GitHubConnection github,
                               GitRepositories git, Path workingDirectory) implements PluginCommand.Environment {
    }
}
