package io.gitopsauditor.platform.core.internal.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.platform.core.internal.http.Json;
import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import io.gitopsauditor.platform.core.internal.plugin.PluginManager;
import io.gitopsauditor.plugin.api.PluginState;
import io.gitopsauditor.plugin.api.PluginStateException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gitops-auditor plugins}: which plugins a server with these settings would load, and
 * why any would be refused. Runs discovery and registration only: no database, no start.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "List the plugins found (built in and in the plugins folder) with their state; exit 1 if any FAILED.")
public final class PluginsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = common.configSource(Map.of());
        PlatformConfig config = PlatformConfig.from(source);
        List<PluginHandle> plugins;
        try (EventHub hub = new EventHub(Json.mapper(), 0)) {
            PluginManager manager = new PluginManager(config, source, hub, () -> {
                throw new PluginStateException("the plugins command does not open the database");
            });
            plugins = manager.load();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    plugins.stream().map(PluginsCommand::row).toList()));
        } else {
            printTable(out, plugins, config);
        }
        out.flush();
        return plugins.stream().anyMatch(p -> p.state() == PluginState.FAILED) ? 1 : 0;
    }

    /** A plugin as the CLI shows it. */
    record Row(String id, String version, PluginState state, String source, String reason) {
    }

    private static Row row(PluginHandle plugin) {
        return new Row(plugin.id(), plugin.descriptor().map(d -> d.version()).orElse("-"), plugin.state(),
                plugin.origin().describe(), plugin.reason().orElse(null));
    }

    private static void printTable(PrintWriter out, List<PluginHandle> plugins, PlatformConfig config) {
        if (plugins.isEmpty()) {
            out.println("No plugins found (plugins folder: " + config.pluginsDir() + ").");
            return;
        }
        String format = "%-20s %-12s %-11s %-28s %s%n";
        out.printf(format, "ID", "VERSION", "STATE", "SOURCE", "REASON");
        for (PluginHandle plugin : plugins) {
            Row row = row(plugin);
            out.printf(format, row.id(), row.version(), row.state(), row.source(), row.reason() == null ? "" : row.reason());
        }
    }
}
