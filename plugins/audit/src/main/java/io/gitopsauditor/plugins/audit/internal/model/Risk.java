package io.gitopsauditor.plugins.audit.internal.model;

import java.util.List;

/**
 * The data-loss risk of one repository: work that exists only on this disk.
 *
 * @param level   the highest risk over the reasons
 * @param reasons one short phrase each, e.g. "2 unpushed commits on main"
 */
public record Risk(RiskLevel level, List<String> reasons) {
    public static final Risk NONE = new Risk(RiskLevel.NONE, List.of());

    public Risk {
        reasons = List.copyOf(reasons);
    }
}
