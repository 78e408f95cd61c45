package io.gitopsauditor.plugins.audit.internal.export;

import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.Labels;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import io.gitopsauditor.plugins.audit.internal.store.AuditJson;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a run as JSON, Markdown or CSV: the same words as the dashboard, for files and CI logs. */
public final class Exports {
    public static final List<String> FORMATS = List.of("json", "markdown", "csv");

    private Exports() {
    }

    public static String write(String format, RunSummary run, List<RepositoryReport> reports) {
        return switch (format) {
            case "json" -> AuditJson.write(RunExport.of(run, reports));
            case "markdown" -> markdown(run, reports);
            case "csv" -> csv(reports);
            default -> throw new IllegalArgumentException("format must be one of " + String.join(", ", FORMATS) + ", got '" + format + "'");
        };
    }

    public static String mediaType(String format) {
        return switch (format) {
            case "markdown" -> "text/markdown; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            default -> "application/json";
        };
    }

    public static String extension(String format) {
        return "markdown".equals(format) ? "md" : format;
    }

    static String markdown(RunSummary run, List<RepositoryReport> reports) {
        StringBuilder out = new StringBuilder();
        out.append("# Audit").append(run.id() > 0 ? " run " + run.id() : "").append("\n\n");
        out.append("Started ").append(run.startedAt()).append(run.finishedAt() == null ? "" : ", finished " + run.finishedAt())
                .append(". Health: **").append(run.health()).append("**. ").append(run.repositories()).append(" repositories, ")
                .append(run.atRisk()).append(" with work at risk.\n\n");
        out.append("| State | Repositories |\n|---|---|\n");
        run.byState().forEach((state, count) -> out.append("| ").append(Labels.of(state)).append(" | ").append(count).append(" |\n"));
        if (!run.sources().isEmpty()) {
            out.append("\n| Source | State | Repositories | Note |\n|---|---|---|---|\n");
            run.sources().forEach(s -> out.append("| ").append(cell(s.label())).append(" | ").append(Labels.of(s.state())).append(" | ")
                    .append(s.repositories()).append(" | ").append(cell(s.message() == null ? "" : s.message())).append(" |\n"));
        }
        out.append("\n| Repository | State | Risk | Findings |\n|---|---|---|---|\n");
        for (RepositoryReport report : reports) {
            // Each message is escaped on its own: the bold labels and the <br> between them are the export's own markup.
            String findings = report.findings().isEmpty() ? "—" : report.findings().stream()
                    .map(f -> "**" + f.severity().label() + "** " + cell(f.message())).collect(Collectors.joining("<br>"));
            out.append("| ").append(cell(report.name())).append(" <sub>").append(cell(report.key())).append("</sub> | ")
                    .append(Labels.of(report.state())).append(" | ").append(Labels.of(report.risk().level())).append(" | ")
                    .append(findings).append(" |\n");
        }
        return out.toString();
    }

    static String csv(List<RepositoryReport> reports) {
        StringBuilder out = new StringBuilder("repository,key,state,risk,severity,finding,message\r\n");
        for (RepositoryReport report : reports) {
            List<Finding> findings = report.findings();
            if (findings.isEmpty()) {
                row(out, report, "", "", "");
            }
            for (Finding finding : findings) {
                row(out, report, finding.severity().label(), finding.type().name().toLowerCase(Locale.ROOT), finding.message());
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, RepositoryReport report, String severity, String type, String message) {
        out.append(String.join(",", csvField(report.name()), csvField(report.key()), csvField(Labels.of(report.state())),
                csvField(Labels.of(report.risk().level())), csvField(severity), csvField(type), csvField(message))).append("\r\n");
    }

    /** RFC 4180 quoting, and a leading apostrophe where a spreadsheet would read a formula. */
    static String csvField(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * Text for a Markdown table cell, shown as typed wherever the export is rendered (GitHub, GitLab, a
     * wiki): folder names, paths and messages come from the disk and from GitHub, and a folder named
     * {@code <svg onload=...>} must not become live HTML. {@code <}, {@code >} and {@code &} become
     * entities (a backslash does not stop raw HTML in every renderer); the characters Markdown gives
     * a meaning inside a cell ({@link #MARKDOWN_ACTIVE}) are backslash-escaped. A line break becomes
     * {@code <br>} so a row stays one line; other control characters become U+FFFD.
     */
    static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n' -> out.append("<br>");
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        out.append("<br>");
                    }
                }
                default -> {
                    if (MARKDOWN_ACTIVE.indexOf(c) >= 0) {
                        out.append('\\').append(c);
                    } else if (Character.isISOControl(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * What Markdown reads inside a table cell: the escape itself, code spans, emphasis, links and
     * images ({@code ![...](...)} needs the brackets), GFM strikethrough and the cell separator. Block
     * syntax ({@code #}, {@code -}, {@code 1.}) means nothing inside a cell, so those stay as typed and
     * the raw file stays readable in a CI log.
     */
    private static final String MARKDOWN_ACTIVE = "\\`*_[]~|";

}
