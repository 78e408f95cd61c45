package io.gitopsauditor.plugins.audit.internal.cli;

import io.gitopsauditor.plugin.api.spi.PluginCommand;
import io.gitopsauditor.plugins.audit.internal.AuditSettings;
import io.gitopsauditor.plugins.audit.internal.Audits;
import io.gitopsauditor.plugins.audit.internal.export.Exports;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import io.gitopsauditor.plugins.audit.internal.model.Severity;
import io.gitopsauditor.plugins.audit.internal.run.AuditProgress;
import io.gitopsauditor.plugins.audit.internal.run.AuditResult;
import io.gitopsauditor.plugins.audit.internal.run.Summaries;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of {@code gitops-auditor audit}; flags override {@code plugins.audit.*} from the config file and environment. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audit local clones against GitHub once, without a server.",
                "Flags override plugins.audit.* from the config file (GITOPS_AUDITOR_CONFIG) and the environment."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:error (nothing was audited)", "2:bad arguments",
                "3:worst finding is low", "4:worst finding is medium", "5:worst finding is high"},
        footer = {"", "Examples:", "  gitops-auditor audit --root ~/src --github-owner octocat",
                "  gitops-auditor audit --root ~/src --format json --output audit.json --fail-on medium"})
final class AuditOptions implements Callable<Integer> {
    private final PluginCommand.Environment environment;

    @Option(names = "--root", paramLabel = "DIR", description = "A folder to scan for clones (repeatable; default plugins.audit.roots).")
    List<Path> roots;

    @Option(names = "--github-owner", paramLabel = "NAME",
            description = "A GitHub user or organisation to compare with (repeatable; default plugins.audit.github-owners).")
    List<String> owners;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, markdown or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit non-zero when a finding is at least this severe: info, low, medium, high, or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--depth", paramLabel = "N", description = "Folder levels searched under each root, 1 to 10 (default plugins.audit.depth, 3).")
    Integer depth;

    @Option(names = "--stale-after", paramLabel = "DURATION", description = "No commit for this long is stale, e.g. 90d (default 180d).")
    String staleAfter;

    @Option(names = "--parallelism", paramLabel = "N", description = "Clones read at once, 1 to 64 (default: the number of processors).")
    Integer parallelism;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on standard error but errors: no progress, no GitHub retry lines.")
    boolean quiet;

    AuditOptions(PluginCommand.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("table", "json", "markdown", "csv").contains(format)) {
            return usage("--format must be table, json, markdown or csv, got '" + format + "'");
        }
        Optional<Severity> threshold;
        try {
            threshold = failOn.equalsIgnoreCase("never") ? Optional.empty() : Optional.of(Severity.parse(failOn));
        } catch (IllegalArgumentException e) {
            return usage("--fail-on: " + e.getMessage() + ", or never");
        }
        if (depth != null && (depth < 1 || depth > 10)) {
            return usage("--depth must be between 1 and 10, got " + depth);
        }
        if (parallelism != null && (parallelism < 1 || parallelism > 64)) {
            return usage("--parallelism must be between 1 and 64, got " + parallelism);
        }
        AuditSettings settings = settings();
        if (settings.roots().isEmpty() && settings.githubOwners().isEmpty()) {
            return usage("nothing to audit: give --root DIR and/or --github-owner NAME (or set plugins.audit.roots)");
        }
        for (Path root : settings.roots()) {
            if (!Files.isDirectory(root)) {
                environment.err().println("error: --root " + root + " is not a folder");
                return 1;
            }
        }
        Audits audits = new Audits(settings, environment.github(), environment.git(), List::of);
        AuditResult result;
        try (GitHubClientLog log = GitHubClientLog.redirect(environment.err(), quiet)) {
            result = audits.engine(Clock.systemUTC()).run(audits.sources(), progress());
        }
        RunSummary summary = Summaries.of(0, "cli", "full", "finished", result.startedAt(), result.finishedAt(),
                result.reports(), result.inventory().snapshot().sources(), null);
        String report = format.equals("table") ? Table.render(summary, result.reports(), settings.roots())
                : Exports.write(format, summary, result.reports());
        write(report);
        return exitCode(result.reports(), threshold);
    }

    private AuditSettings settings() {
        AuditSettings base = AuditSettings.from(environment.config(), environment.workingDirectory());
        List<Path> chosenRoots = roots == null ? base.roots()
                : roots.stream().map(r -> environment.workingDirectory().resolve(r).toAbsolutePath().normalize()).toList();
        Duration stale = staleAfter == null ? base.staleAfter() : parseDuration(staleAfter);
        return new AuditSettings(chosenRoots, owners == null ? base.githubOwners() : owners, depth == null ? base.depth() : depth,
                base.skip(), stale, Duration.ZERO, false, parallelism == null ? base.parallelism() : parallelism,
                base.cloneRoot(), base.keepRuns());
    }

    private static Duration parseDuration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])").matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new picocli.CommandLine.TypeConversionException("--stale-after must be like 90d, 12h or 30m, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private AuditProgress progress() {
        if (quiet) {
            return AuditProgress.NONE;
        }
        return new AuditProgress() {
            private volatile int lastPercent = -1;

            @Override
            public void inventoried(int total) {
                environment.err().println("audit: " + total + " repositories to check");
                environment.err().flush();
            }

            @Override
            public void judged(int done, int total, RepositoryReport report) {
                int percent = total == 0 ? 100 : done * 100 / total;
                if (percent / 10 != lastPercent / 10 || done == total) {
                    lastPercent = percent;
                    environment.err().println("audit: " + done + "/" + total + " (" + percent + "%)");
                    environment.err().flush();
                }
            }
        };
    }

    private void write(String report) throws IOException {
        if (output == null) {
            environment.out().print(report);
            if (!report.endsWith("\n")) {
                environment.out().println();
            }
            environment.out().flush();
        } else {
            Path target = environment.workingDirectory().resolve(output);
            try {
                ReportFile.write(target, report);
            } catch (FileSystemException e) {
                // Their message is the path, and sometimes the reason: say once what went wrong with which file.
                String reason = e instanceof NoSuchFileException ? "no such folder"
                        : e instanceof AccessDeniedException ? "permission denied"
                        : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
                throw new IOException("cannot write the report to " + target + ": " + reason, e);
            }
            if (!quiet) {
                environment.err().println("audit: report written to " + target);
            }
        }
    }

    static int exitCode(List<RepositoryReport> reports, Optional<Severity> threshold) {
        Optional<Severity> worst = reports.stream().flatMap(r -> r.findings().stream()).map(Finding::severity)
                .max(Enum::compareTo);
        if (threshold.isEmpty() || worst.isEmpty() || worst.get().compareTo(threshold.get()) < 0) {
            return 0;
        }
        return switch (worst.get()) {
            case INFO, LOW -> 3;
            case MEDIUM -> 4;
            case HIGH -> 5;
        };
    }

    private int usage(String message) {
        environment.err().println("error: " + message);
        environment.err().println("Run 'gitops-auditor audit --help' for the options.");
        return 2;
    }
}
