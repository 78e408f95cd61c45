package io.gitopsauditor.plugins.audit.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.FindingType;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.Risk;
import io.gitopsauditor.plugins.audit.internal.run.Summaries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown export is rendered wherever it is pasted (a CI summary, an issue, a wiki): folder names must stay text. */
class MarkdownExportTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static String markdown(String folder, String message, SourceStatus source) {
        RepositoryReport report = new RepositoryReport("id", "local:/src/" + folder, folder, RepoState.AT_RISK, null, Risk.NONE,
                List.of(Finding.of(FindingType.NO_REMOTE, message)), null, null, List.of("local:/src"));
        return Exports.write("markdown", Summaries.of(1, "test", "full", "finished", AT, AT, List.of(report), List.of(source), null),
                List.of(report));
    }

    private static SourceStatus source(String label, String message) {
        return new SourceStatus("local:/src", "local", label, SourceStatus.State.OK, message, 1, AT);
    }

    /** @return the lines of the repositories table after its header and separator */
    private static List<String> repositoryRows(String markdown) {
        return markdown.lines().dropWhile(line -> !line.startsWith("| Repository |")).skip(2).toList();
    }

    private static String repositoryRow(String markdown) {
        return repositoryRows(markdown).getFirst();
    }

    @Test
    void aFolderNamedLikeAnHtmlTagStaysText() {
        String out = markdown("<svg onload=alert(1)>", "Uncommitted <img src=x onerror=alert(2)> changes.",
                source("Folder <script>x</script>", "a <b>warning</b>"));

        assertThat(out).doesNotContain("<svg", "<img", "<script", "<b>");
        assertThat(out).contains("&lt;svg onload=alert(1)&gt;", "&lt;img src=x onerror=alert(2)&gt;", "&lt;script&gt;");
    }

    @Test
    void pipesBackticksAndNewlinesInANameKeepTheTableOneRowWithFiveCells() {
        String out = markdown("a|b`c`\n| x | y |\r\n*bold* [link](http://e.x) _u_ \\", "one | two `three`\nfour",
                source("Folder", null));
        String row = repositoryRow(out);

        assertThat(repositoryRows(out)).hasSize(1);
        // Cells are split by pipes not preceded by a backslash: the row keeps its 4 cells (5 separators).
        assertThat(row.split("(?<!\\\\)\\|", -1)).hasSize(6);
        assertThat(row).doesNotContain("`c`", "*bold*", "[link](", "_u_");
        assertThat(row).contains("\\`c\\`", "\\*bold\\*", "\\[link\\]", "\\_u\\_");
    }

    @Test
    void theExportsOwnMarkupIsKept() {
        String out = markdown("app", "first", source("Folder", null));

        assertThat(repositoryRow(out)).contains("<sub>").contains("**high** first");
    }
}
