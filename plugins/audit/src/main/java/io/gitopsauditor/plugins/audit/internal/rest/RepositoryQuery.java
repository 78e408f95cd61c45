package io.gitopsauditor.plugins.audit.internal.rest;

import io.gitopsauditor.plugin.api.ProblemException;
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
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filters, sorts and pages reports: {@code state}, {@code severity} (at least), {@code risk},
 * {@code source} (a source id), {@code q} (name or key contains), {@code sort} and {@code order},
 * {@code offset} and {@code limit}. Bad values are 400s that say what is allowed.
 */
record RepositoryQuery(Set<RepoState> states, Severity minSeverity, Set<RiskLevel> risks, String source, String text,
                       String sort, boolean descending, int offset, int limit) {

    static final List<String> SORTS = List.of("name", "state", "severity", "risk", "last-commit", "findings");

    static RepositoryQuery parse(List<String> states, String severity, List<String> risks, String source, String text,
                                 String sort, String order, int offset, int limit) {
        if (offset < 0) {
            throw ProblemException.invalidInput("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > 5000) {
            throw ProblemException.invalidInput("limit must be between 1 and 5000, got " + limit);
        }
        String sortKey = sort == null || sort.isBlank() ? "risk" : sort.strip().toLowerCase(Locale.ROOT);
        if (!SORTS.contains(sortKey)) {
            throw ProblemException.invalidInput("sort must be one of " + String.join(", ", SORTS) + ", got '" + sort + "'");
        }
        boolean descending;
        if (order == null || order.isBlank()) {
            descending = List.of("severity", "risk", "last-commit", "findings").contains(sortKey);
        } else if (order.equalsIgnoreCase("asc") || order.equalsIgnoreCase("desc")) {
            descending = order.equalsIgnoreCase("desc");
        } else {
            throw ProblemException.invalidInput("order must be asc or desc, got '" + order + "'");
        }
        return new RepositoryQuery(enums(RepoState.class, "state", states), severity == null || severity.isBlank() ? null
                : parseSeverity(severity), enums(RiskLevel.class, "risk", risks),
                source == null || source.isBlank() ? null : source.strip(),
                text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT), sortKey, descending, offset, limit);
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

    /**
     * A page of reports.
     *
     * @param total  reports matching the filters
     * @param offset where this page starts
     * @param limit  the page size asked for
     * @param items  this page
     */
    record Page(int total, int offset, int limit, List<RepositoryReport> items) {
    }

    Page apply(List<RepositoryReport> reports) {
        List<RepositoryReport> matching = reports.stream().filter(filter()).sorted(comparator()).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new Page(matching.size(), offset, limit, matching.subList(from, to));
    }

    private Predicate<RepositoryReport> filter() {
        return report -> (states.isEmpty() || states.contains(report.state()))
                && (minSeverity == null || (report.severity() != null && report.severity().compareTo(minSeverity) >= 0))
                && (risks.isEmpty() || risks.contains(report.risk().level()))
                && (source == null || report.sourceIds().contains(source))
                && (text == null || report.name().toLowerCase(Locale.ROOT).contains(text)
                        || report.key().toLowerCase(Locale.ROOT).contains(text));
    }

    private Comparator<RepositoryReport> comparator() {
        Comparator<RepositoryReport> byName = Comparator.comparing((RepositoryReport r) -> r.name().toLowerCase(Locale.ROOT))
                .thenComparing(RepositoryReport::key);
        Comparator<RepositoryReport> primary = switch (sort) {
            case "state" -> Comparator.comparing(RepositoryReport::state).reversed();
            case "severity" -> Comparator.comparing(r -> r.severity() == null ? -1 : r.severity().ordinal());
            case "risk" -> Comparator.<RepositoryReport>comparingInt(r -> r.risk().level().ordinal())
                    .thenComparing(r -> r.severity() == null ? -1 : r.severity().ordinal());
            case "last-commit" -> Comparator.comparing(r -> r.local() == null || r.local().lastCommitAt() == null ? Instant.EPOCH
                    : r.local().lastCommitAt());
            case "findings" -> Comparator.comparingInt(r -> r.findings().size());
            default -> byName;
        };
        Comparator<RepositoryReport> ordered = descending ? primary.reversed() : primary;
        return ordered.thenComparing(byName);
    }
}
