package io.gitopsauditor.plugins.audit.internal;

import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.PluginConfigException;
import io.gitopsauditor.plugin.api.settings.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The audit plugin's settings ({@code plugins.audit.*}); every key is listed in docs/audit.md.
 * Those a user changes ({@link #DECLARED}) are declared settings: the Settings page edits them and
 * the audit follows without a restart; the others are read from the file and the environment.
 *
 * @param roots        local folders to scan for clones
 * @param githubOwners GitHub users or organisations whose repositories should be cloned here
 * @param depth        how many folder levels under a root are searched
 * @param skip         folder names never descended into
 * @param staleAfter   a clone with no commit for this long is stale
 * @param schedule     time between scheduled full audits; zero for none
 * @param watch        re-audit clones as they change on disk
 * @param parallelism  clones read at once
 * @param cloneRoot    where the clone fix puts missing repositories (default: the first root)
 * @param keepRuns     runs kept in the history
 */
public record AuditSettings(List<Path> roots, List<String> githubOwners, int depth, Set<String> skip, Duration staleAfter,
                            Duration schedule, boolean watch, int parallelism, Path cloneRoot, int keepRuns) {

    public static final Set<String> DEFAULT_SKIP = Set.of("node_modules", ".cache", "vendor", "target", "build", ".venv",
            "__pycache__", ".gradle", ".terraform");

    /** A duration as the config file writes it, e.g. 30m, 1h, 7d. */
    private static final String DURATION = "\\d{1,9}\\s*(ms|s|m|h|d)";

    /** The settings the Settings page shows, in its order. */
    public static final List<Setting> DECLARED = List.of(
            Setting.list("roots").ofFolders().title("Folders to scan")
                    .description("Each folder is searched for git clones, down to the search depth.").build(),
            Setting.list("github-owners").title("GitHub owners")
                    .description("Users or organisations whose repositories should each have a clone here.")
                    .pattern("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})").build(),
            Setting.text("schedule").title("Audit every")
                    .description("Time between full audits, e.g. 30m, 1h or 1d; off for none.")
                    .defaultValue("1h").pattern("(?i)off|" + DURATION).required().build(),
            Setting.number("depth").title("Search depth")
                    .description("How many folder levels under each folder are searched for clones.")
                    .defaultValue(3).min(1).max(10).build(),
            Setting.text("stale-after").title("Stale after")
                    .description("A clone with no commit for this long is stale, e.g. 90d.")
                    .defaultValue("180d").pattern(DURATION).required().build(),
            Setting.folder("clone-root").title("Clone into")
                    .description("Where the clone fix puts missing repositories; empty for the first folder to scan.").build());

    public static AuditSettings from(PluginConfig config, Path workingDirectory) {
        List<Path> roots = config.list("roots").stream().map(root -> resolve(root, workingDirectory)).toList();
        List<String> skip = config.list("skip");
        int depth = config.integer("depth", 3);
        if (depth < 1 || depth > 10) {
            throw new PluginConfigException("plugins.audit.depth must be between 1 and 10, got " + depth);
        }
        int parallelism = config.integer("parallelism", Math.max(2, Runtime.getRuntime().availableProcessors()));
        if (parallelism < 1 || parallelism > 64) {
            throw new PluginConfigException("plugins.audit.parallelism must be between 1 and 64, got " + parallelism);
        }
        int keepRuns = config.integer("keep-runs", 200);
        if (keepRuns < 1) {
            throw new PluginConfigException("plugins.audit.keep-runs must be at least 1, got " + keepRuns);
        }
        Path cloneRoot = config.get("clone-root").filter(value -> !value.isBlank()).map(value -> resolve(value, workingDirectory))
                .orElse(roots.isEmpty() ? null : roots.getFirst());
        return new AuditSettings(roots, config.list("github-owners"), depth,
                skip.isEmpty() ? DEFAULT_SKIP : Set.copyOf(skip),
                config.duration("stale-after", Duration.ofDays(180)),
                config.get("schedule").filter(v -> v.strip().equalsIgnoreCase("off")).isPresent() ? Duration.ZERO
                        : config.duration("schedule", Duration.ofHours(1)),
                config.bool("watch", true), parallelism, cloneRoot, keepRuns);
    }

    /** {@code ~} is the user's home, as in a shell; relative paths are resolved against the working directory. */
    static Path resolve(String value, Path workingDirectory) {
        String text = value.strip();
        if (text.equals("~") || text.startsWith("~/")) {
            text = System.getProperty("user.home") + text.substring(1);
        }
        return workingDirectory.resolve(text).toAbsolutePath().normalize();
    }
}
