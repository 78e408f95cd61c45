package io.gitopsauditor.plugins.audit.internal.rest;

import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two runs.
 *
 * @param from    the older run
 * @param to      the newer run
 * @param added   repositories only in the newer run
 * @param removed repositories only in the older run
 * @param changed repositories in both whose state or findings differ
 */
record RunDiff(long from, long to, List<Entry> added, List<Entry> removed, List<Change> changed) {

    /** A repository named in a diff. */
    record Entry(String id, String key, String name, String state) {
        static Entry of(RepositoryReport report) {
            return new Entry(report.id(), report.key(), report.name(), report.state().name());
        }
    }

    /**
     * One repository that changed.
     *
     * @param resolved findings the older run had and the newer has not
     * @param appeared findings the newer run has and the older had not
     */
    record Change(String id, String key, String name, String stateBefore, String stateAfter, List<Finding> resolved,
                  List<Finding> appeared) {
    }

    static RunDiff between(long from, List<RepositoryReport> older, long to, List<RepositoryReport> newer) {
        Map<String, RepositoryReport> before = index(older);
        Map<String, RepositoryReport> after = index(newer);
        List<Entry> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (RepositoryReport report : after.values()) {
            RepositoryReport old = before.get(report.id());
            if (old == null) {
                added.add(Entry.of(report));
                continue;
            }
            List<Finding> resolved = minus(old.findings(), report.findings());
            List<Finding> appeared = minus(report.findings(), old.findings());
            if (old.state() != report.state() || !resolved.isEmpty() || !appeared.isEmpty()) {
                changed.add(new Change(report.id(), report.key(), report.name(), old.state().name(), report.state().name(),
                        resolved, appeared));
            }
        }
        List<Entry> removed = before.values().stream().filter(r -> !after.containsKey(r.id())).map(Entry::of).toList();
        return new RunDiff(from, to, added, removed, changed);
    }

    private static Map<String, RepositoryReport> index(List<RepositoryReport> reports) {
        Map<String, RepositoryReport> map = new LinkedHashMap<>();
        reports.forEach(r -> map.put(r.id(), r));
        return map;
    }

    /** Findings compare by type and message: "3 commits ahead" and "4 commits ahead" are a change. */
    private static List<Finding> minus(List<Finding> these, List<Finding> those) {
        Set<String> other = new HashSet<>();
        those.forEach(f -> other.add(f.type() + "\u0000" + f.message()));
        return these.stream().filter(f -> !other.contains(f.type() + "\u0000" + f.message())).toList();
    }
}
