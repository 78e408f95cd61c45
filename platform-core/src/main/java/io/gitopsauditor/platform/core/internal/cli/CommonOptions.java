package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of every command that touches a server's data: where the data, config and plugins are. */
public final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory: database and plugin data (env GITOPS_AUDITOR_DATA_DIR; default ./data).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file (env GITOPS_AUDITOR_CONFIG; default: none, built-in defaults).")
    Path config;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Folder of third-party plugin jars (env GITOPS_AUDITOR_PLUGINS_DIR; default: the installation's "
                    + "plugins/ folder, or <data-dir>/plugins when run from the source tree).")
    Path pluginsDir;

    /** The kernel's settings from defaults, the config file, the environment and these flags. */
    io.gitopsauditor.platform.core.internal.config.PlatformConfig platformConfig() {
        return io.gitopsauditor.platform.core.internal.config.PlatformConfig.from(configSource(Map.of()));
    }

    /** Merges defaults, the config file, the environment and these flags (plus any extra flags). */
    ConfigSource configSource(Map<String, String> extraFlags) {
        Map<String, String> flags = new HashMap<>(extraFlags);
        if (dataDir != null) {
            flags.put("data-dir", dataDir.toString());
        }
        if (pluginsDir != null) {
            flags.put("plugins-dir", pluginsDir.toString());
        }
        Path file = config;
        if (file == null && System.getenv("GITOPS_AUDITOR_CONFIG") != null && !System.getenv("GITOPS_AUDITOR_CONFIG").isBlank()) {
            file = Path.of(System.getenv("GITOPS_AUDITOR_CONFIG"));
        }
        return ConfigSource.load(file, System.getenv(), flags, installationDefaults());
    }

    /**
     * An installed product (the launcher passes {@code -Dgitops-auditor.home}) reads third-party
     * jars from its own {@code plugins/} folder; run from the source tree, from {@code <data-dir>/plugins}.
     */
    private static Map<String, String> installationDefaults() {
        String home = System.getProperty("gitops-auditor.home");
        return home == null || home.isBlank() ? Map.of() : Map.of("plugins-dir", Path.of(home, "plugins").toString());
    }
}
