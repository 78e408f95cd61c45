package io.gitopsauditor.plugins.audit.internal.run;

import io.gitopsauditor.plugins.audit.internal.inventory.InventoryMatcher;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import java.time.Instant;
import java.util.List;

/**
 * What one audit produced.
 *
 * @param inventory  the matched inventory it judged
 * @param reports    one per repository, sorted by key
 * @param startedAt  when it began
 * @param finishedAt when it ended
 */
public record AuditResult(InventoryMatcher.Matched inventory, List<RepositoryReport> reports, Instant startedAt,
                          Instant finishedAt) {

    public AuditResult {
        reports = List.copyOf(reports);
    }
}
