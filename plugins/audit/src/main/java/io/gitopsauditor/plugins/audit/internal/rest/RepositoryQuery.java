package io.gitopsauditor.plugins.audit.internal.rest;

import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.list.ListSpec;
import io.gitopsauditor.plugin.api.list.Page;
import io.gitopsauditor.plugin.api.list.PageRequest;
import io.gitopsauditor.plugins.audit.internal.model.Labels;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RiskLevel;
import io.gitopsauditor.plugins.audit.internal.model.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filters reports: {@code state}, {@code severity} (at least), {@code risk}, {@code source} (a
 * source id), {@code q} (name or key contains), then sorts and pages them as the platform's list
 * shape says ({@code sort=-risk,name}, {@code offset}, {@code limit}). Reports are in memory (the
 * current state is kept live), so this pages them here, not in SQL. Bad values are 400s that say
 * what is allowed.
 */
record RepositoryQuery(Set<RepoState> states, Severity minSeverity, Set<RiskLevel> risks, String source, String text,
                       PageRequest page) {

    /** Sort fields; without {@code sort}, the riskiest first. Up to 5000 a page: the dashboard shows whole fleets. */
    static final ListSpec LIST = ListSpec.sortable("-risk,name", "name", "state", "severity", "risk", "last-commit", "findings")
            .withMaxLimit(5000);

    private static final Comparator<RepositoryReport> BY_NAME =
            Comparator.comparing((RepositoryReport r) -> r.name().toLowerCase(Locale.ROOT)).thenComparing(RepositoryReport::key);
    private static final Map<String, Comparator<RepositoryReport>> ORDERS = Map.of(
            "name", BY_NAME,
            // Ascending state puts the states needing attention last, as the enum lists them first.
            "state", Comparator.comparing(RepositoryReport::state).reversed(),
            "severity", Comparator.comparingInt(r -> r.severity() == null ? -1 : r.severity().ordinal()),
            "risk", Comparator.<RepositoryReport>comparingInt(r -> r.risk().level().ordinal())
                    .thenComparingInt(r -> r.severity() == null ? -1 : r.severity().ordinal()),
            "last-commit", Comparator.comparing(r -> r.local() == null || r.local().lastCommitAt() == null ? Instant.EPOCH
                    : r.local().lastCommitAt()),
            "findings", Comparator.comparingInt(r -> r.findings().size()));

    static RepositoryQuery parse(List<String> states, String severity, List<String> risks, String source, String text,
                                 PageRequest page) {
        return new RepositoryQuery(enums(RepoState.class, "state", states), severity == null || severity.isBlank() ? null
                : parseSeverity(severity), enums(RiskLevel.class, "risk", risks),
                source == null || source.isBlank() ? null : source.strip(),
                text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT), page);
    }

    private static Severity parseSeverity(String text) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidInput(e.getMessage());
        }
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String name, List<String> values) {
        Set<E> set = EnumSet.noneOf(type);
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    set.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalidInput(name + " must be among " + String.join(", ",
                            java.util.Arrays.stream(type.getEnumConstants()).map(Labels::of).toList())
                            + ", got '" + part.strip() + "'");
                }
            }
        }
        return set;
    }

    /** The page asked for; ties in the requested order fall back to the name, so pages never overlap. */
    Page<RepositoryReport> apply(List<RepositoryReport> reports) {
        return page.slice(reports.stream().filter(filter()).sorted(BY_NAME).toList(), ORDERS);
    }

    private Predicate<RepositoryReport> filter() {
        return report -> (states.isEmpty() || states.contains(report.state()))
                && (minSeverity == null || (report.severity() != null && report.severity().compareTo(minSeverity) >= 0))
                && (risks.isEmpty() || risks.contains(report.risk().level()))
                && (source == null || report.sourceIds().contains(source))
                && (text == null || report.name().toLowerCase(Locale.ROOT).contains(text)
                        || report.key().toLowerCase(Locale.ROOT).contains(text));
    }
}
