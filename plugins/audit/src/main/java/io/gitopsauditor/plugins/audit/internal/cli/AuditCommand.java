package io.gitopsauditor.plugins.audit.internal.cli;

import io.gitopsauditor.plugin.api.PluginConfigException;
import io.gitopsauditor.plugin.api.spi.PluginCommand;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code gitops-auditor audit}: one audit without a server, for cron and CI. Exit codes: 0 when no
 * finding reaches {@code --fail-on}; 3, 4 or 5 when the worst one is low, medium or high (and
 * reaches it); 1 for an error; 2 for bad arguments.
 */
public final class AuditCommand implements PluginCommand {
    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String pluginId() {
        return "audit";
    }

    @Override
    public String summary() {
        return "Audit local clones against GitHub once, without a server (for cron and CI).";
    }

    @Override
    public int run(Environment environment, List<String> arguments) {
        AuditOptions options = new AuditOptions(environment);
        CommandLine line = new CommandLine(options);
        line.setOut(environment.out());
        line.setErr(environment.err());
        line.setExecutionExceptionHandler((error, cmd, parsed) -> {
            environment.err().println("error: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
            return 1;
        });
        line.setParameterExceptionHandler((error, args) -> {
            environment.err().println("error: " + error.getMessage());
            environment.err().println("Run 'gitops-auditor audit --help' for the options.");
            return 2;
        });
        try {
            return line.execute(arguments.toArray(String[]::new));
        } catch (PluginConfigException e) {
            environment.err().println("error: " + e.getMessage());
            return 1;
        }
    }
}
