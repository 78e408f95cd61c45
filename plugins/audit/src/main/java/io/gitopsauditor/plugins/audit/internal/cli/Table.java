package io.gitopsauditor.plugins.audit.internal.cli;

import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.Labels;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The terminal table: one line per repository that needs a look, clean ones counted at the end.
 * Two clones may share a name ({@code work/app} and {@code personal/app}), so each line has the
 * clone's path too, relative to its root.
 */
final class Table {
    private static final int NAME_WIDTH = 32;
    private static final int PATH_WIDTH = 40;

    private Table() {
    }

    /**
     * @param roots the scanned roots, to which paths are shown relative
     */
    static String render(RunSummary summary, List<RepositoryReport> reports, List<Path> roots) {
        StringBuilder out = new StringBuilder();
        List<RepositoryReport> notable = reports.stream().filter(r -> r.state() != RepoState.CLEAN).toList();
        int nameWidth = width(notable.stream().map(r -> printable(r.name())).toList(), "REPOSITORY", NAME_WIDTH);
        List<String> paths = notable.stream().map(r -> printable(ShownPath.of(r.local() == null ? null : r.local().path(), roots))).toList();
        int pathWidth = width(paths, "PATH", PATH_WIDTH);
        String row = "%-10s %-6s %-" + nameWidth + "s  %-" + pathWidth + "s  %s%s%n";
        out.append(String.format(Locale.ROOT, row, "STATE", "RISK", "REPOSITORY", "PATH", "FINDINGS", ""));
        for (int i = 0; i < notable.size(); i++) {
            RepositoryReport report = notable.get(i);
            List<Finding> findings = report.findings();
            String first = findings.isEmpty() ? "" : "[" + findings.getFirst().severity().label() + "] " + findings.getFirst().message();
            String more = findings.size() > 1 ? " (+" + (findings.size() - 1) + " more)" : "";
            out.append(String.format(Locale.ROOT, row, Labels.of(report.state()), Labels.of(report.risk().level()),
                    truncate(printable(report.name()), nameWidth), ShownPath.shorten(paths.get(i), pathWidth), printable(first), more));
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

    private static int width(List<String> values, String heading, int most) {
        return Math.max(heading.length(), Math.min(most, values.stream().mapToInt(String::length).max().orElse(0)));
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
