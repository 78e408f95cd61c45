package io.gitopsauditor.plugins.audit.internal.cli;

import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.Labels;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import java.util.List;
import java.util.Locale;

/** The terminal table: one line per repository that needs a look, clean ones counted at the end. */
final class Table {
    private Table() {
    }

    static String render(RunSummary summary, List<RepositoryReport> reports) {
        StringBuilder out = new StringBuilder();
        List<RepositoryReport> notable = reports.stream().filter(r -> r.state() != RepoState.CLEAN).toList();
        int nameWidth = Math.min(40, notable.stream().mapToInt(r -> printable(r.name()).length()).max().orElse(10));
        nameWidth = Math.max(nameWidth, "REPOSITORY".length());
        out.append(String.format(Locale.ROOT, "%-10s %-6s %-" + nameWidth + "s  %s%n", "STATE", "RISK", "REPOSITORY", "FINDINGS"));
        for (RepositoryReport report : notable) {
            List<Finding> findings = report.findings();
            String first = findings.isEmpty() ? "" : "[" + findings.getFirst().severity().label() + "] " + findings.getFirst().message();
            String more = findings.size() > 1 ? " (+" + (findings.size() - 1) + " more)" : "";
            out.append(String.format(Locale.ROOT, "%-10s %-6s %-" + nameWidth + "s  %s%s%n", Labels.of(report.state()),
                    Labels.of(report.risk().level()), truncate(printable(report.name()), nameWidth), printable(first), more));
        }
        out.append(System.lineSeparator());
        out.append(summary.repositories()).append(" repositories: ");
        out.append(String.join(", ", summary.byState().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + Labels.of(e.getKey())).toList()));
        out.append(". Health: ").append(summary.health()).append(".").append(System.lineSeparator());
        for (SourceStatus source : summary.sources()) {
            if (source.state() != SourceStatus.State.OK) {
                out.append("Source ").append(source.label()).append(" unavailable: ").append(printable(source.message()))
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** Folder names may hold newlines or control characters: keep one repository on one line. */
    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
