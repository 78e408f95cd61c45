package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import io.gitopsauditor.platform.core.internal.boot.SchemaUpgrade;
import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.db.DataDirectoryLock;
import io.gitopsauditor.platform.core.internal.db.Database;
import io.gitopsauditor.platform.core.internal.db.MigrationRunner;
import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.platform.core.internal.http.Json;
import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import io.gitopsauditor.platform.core.internal.plugin.PluginManager;
import io.gitopsauditor.plugin.api.PluginState;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gitops-auditor migrate}: the same schema upgrade a server does at start (backup first,
 * refuse a newer database), then a report, and exit. Holds the data-directory lock meanwhile.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Apply pending database migrations of every plugin (after a backup) and exit; exit 1 if any plugin failed.")
public final class MigrateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConfigSource source = common.configSource(Map.of());
        PlatformConfig config = PlatformConfig.from(source);
        PrintWriter out = spec.commandLine().getOut();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir(), "migrate it");
             Database database = Database.open(config.dataDir(), config.databaseBusyTimeout(), 1);
             EventHub hub = new EventHub(Json.mapper(), 0)) {
            MigrationRunner runner = new MigrationRunner(database.dsl());
            PluginManager manager = new PluginManager(config, source, hub, database::dsl);
            List<PluginHandle> plugins = manager.load();
            Map<String, Integer> before = new HashMap<>();
            plugins.forEach(p -> before.put(p.id(), runner.appliedVersions(p.id()).size()));
            SchemaUpgrade.Result result = SchemaUpgrade.run(database, runner, manager, config, PlatformInfo.current().version());
            out.println("Database: " + database.file());
            result.backup().ifPresent(backup -> out.println("Backed up first to: " + backup));
            for (PluginHandle plugin : plugins) {
                List<Integer> applied = runner.appliedVersions(plugin.id());
                String status = switch (plugin.state()) {
                    case FAILED -> "FAILED: " + plugin.reason().orElse("");
                    case DISABLED -> "disabled, not migrated";
                    default -> (applied.size() - before.get(plugin.id())) + " applied now, at "
                            + (applied.isEmpty() ? "no migrations" : "V" + applied.getLast());
                };
                out.printf("  %-20s %s%n", plugin.id(), status);
            }
            out.flush();
            return plugins.stream().anyMatch(p -> p.state() == PluginState.FAILED) ? 1 : 0;
        }
    }
}
