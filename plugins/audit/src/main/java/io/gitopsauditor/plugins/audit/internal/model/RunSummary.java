package io.gitopsauditor.plugins.audit.internal.model;

import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One audit run, counted.
 *
 * @param id           the run number, or 0 for a run that is not stored (the CLI)
 * @param trigger      {@code manual}, {@code schedule}, {@code startup} or {@code cli}
 * @param mode         {@code full} (every source and clone read again) or {@code changed} (only clones that changed)
 * @param status       {@code running}, {@code finished} or {@code failed}
 * @param startedAt    when it began
 * @param finishedAt   when it ended, or {@code null} while running
 * @param repositories how many repositories it reported on
 * @param health       {@code ok}, {@code attention} (medium findings) or {@code critical} (high findings)
 * @param byState      repositories per state
 * @param bySeverity   findings per severity
 * @param byRisk       repositories per risk level
 * @param atRisk       repositories holding work that exists only here
 * @param sources      how each source fared
 * @param error        why the run failed, or {@code null}
 */
public record RunSummary(long id, String trigger, String mode, String status, Instant startedAt, Instant finishedAt,
                         int repositories, String health, Map<RepoState, Integer> byState,
                         Map<Severity, Integer> bySeverity, Map<RiskLevel, Integer> byRisk, int atRisk,
                         List<SourceStatus> sources, String error) {

    public RunSummary {
        // Enum maps keep the enum's order, so the JSON reads worst-to-best the same way every time.
        byState = ordered(RepoState.class, byState);
        bySeverity = ordered(Severity.class, bySeverity);
        byRisk = ordered(RiskLevel.class, byRisk);
        sources = List.copyOf(sources);
    }

    private static <E extends Enum<E>> Map<E, Integer> ordered(Class<E> type, Map<E, Integer> counts) {
        java.util.EnumMap<E, Integer> map = new java.util.EnumMap<>(type);
        if (counts != null) {
            map.putAll(counts);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
