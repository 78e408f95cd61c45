package io.gitopsauditor.plugins.audit.internal.run;

import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RiskLevel;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import io.gitopsauditor.plugins.audit.internal.model.Severity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts a run's reports into a {@link RunSummary}. */
public final class Summaries {
    private Summaries() {
    }

    public static RunSummary of(long id, String trigger, String mode, String status, Instant startedAt, Instant finishedAt,
                                List<RepositoryReport> reports, List<SourceStatus> sources, String error) {
        Map<RepoState, Integer> byState = zeros(RepoState.class);
        Map<Severity, Integer> bySeverity = zeros(Severity.class);
        Map<RiskLevel, Integer> byRisk = zeros(RiskLevel.class);
        for (RepositoryReport report : reports) {
            byState.merge(report.state(), 1, Integer::sum);
            byRisk.merge(report.risk().level(), 1, Integer::sum);
            for (Finding finding : report.findings()) {
                bySeverity.merge(finding.severity(), 1, Integer::sum);
            }
        }
        int atRisk = reports.size() - byRisk.get(RiskLevel.NONE);
        String health = bySeverity.get(Severity.HIGH) > 0 ? "critical"
                : bySeverity.get(Severity.MEDIUM) > 0 ? "attention" : "ok";
        return new RunSummary(id, trigger, mode, status, startedAt, finishedAt, reports.size(), health, byState, bySeverity,
                byRisk, atRisk, sources, error);
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> map = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            map.put(constant, 0);
        }
        return map;
    }
}
