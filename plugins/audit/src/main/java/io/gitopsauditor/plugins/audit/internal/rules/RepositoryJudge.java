package io.gitopsauditor.plugins.audit.internal.rules;

import io.gitopsauditor.plugins.audit.internal.inventory.Subject;
import io.gitopsauditor.plugins.audit.internal.model.CloneStatus;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.FindingType;
import io.gitopsauditor.plugins.audit.internal.model.RepoState;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.Risk;
import io.gitopsauditor.plugins.audit.internal.model.RiskLevel;
import io.gitopsauditor.plugins.audit.internal.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Judges one repository: its findings, its data-loss risk, and one word for its state. */
public final class RepositoryJudge {
    private static final Set<FindingType> HIGH_RISK = EnumSet.of(FindingType.UNPUSHED_COMMITS, FindingType.UNPUSHED_BRANCH,
            FindingType.NO_REMOTE, FindingType.DELETED_UPSTREAM);
    private static final Set<FindingType> MEDIUM_RISK = EnumSet.of(FindingType.UNCOMMITTED_CHANGES, FindingType.STASHES,
            FindingType.DETACHED_HEAD, FindingType.UPSTREAM_BRANCH_GONE);
    private static final Set<FindingType> BROKEN = EnumSet.of(FindingType.UNREADABLE, FindingType.NOT_A_REPOSITORY);
    private static final Set<FindingType> INFORMATIONAL = EnumSet.of(FindingType.STALE, FindingType.HOSTED_UNKNOWN);

    private final FindingRules rules;

    public RepositoryJudge(FindingRules rules) {
        this.rules = rules;
    }

    public RepositoryReport judge(Subject subject, CloneStatus clone, Instant now) {
        List<Finding> findings = rules.evaluate(subject, clone, now);
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(null);
        Risk risk = risk(findings, subject, clone);
        String key = subject.entry().key();
        return new RepositoryReport(idOf(key), key, subject.entry().name(), state(findings, risk), worst, risk, findings,
                clone, subject.entry().hosted(), subject.sourceIds());
    }

    private static Risk risk(List<Finding> findings, Subject subject, CloneStatus clone) {
        List<String> reasons = new ArrayList<>();
        RiskLevel level = RiskLevel.NONE;
        for (Finding finding : findings) {
            if (HIGH_RISK.contains(finding.type())) {
                level = RiskLevel.HIGH;
                reasons.add(finding.message());
            } else if (MEDIUM_RISK.contains(finding.type())) {
                level = level == RiskLevel.HIGH ? level : RiskLevel.MEDIUM;
                reasons.add(finding.message());
            }
        }
        // A no-remote repository without commits holds nothing yet; do not cry wolf.
        if (clone != null && !clone.hasCommits() && reasons.size() == 1
                && findings.stream().anyMatch(f -> f.type() == FindingType.NO_REMOTE)) {
            return Risk.NONE;
        }
        return reasons.isEmpty() ? Risk.NONE : new Risk(level, reasons);
    }

    private static RepoState state(List<Finding> findings, Risk risk) {
        Set<FindingType> types = EnumSet.noneOf(FindingType.class);
        findings.forEach(f -> types.add(f.type()));
        if (types.stream().anyMatch(BROKEN::contains)) {
            return RepoState.BROKEN;
        }
        if (types.contains(FindingType.MISSING)) {
            return RepoState.MISSING;
        }
        if (risk.level() != RiskLevel.NONE) {
            return RepoState.AT_RISK;
        }
        if (types.contains(FindingType.LOCAL_ONLY)) {
            return RepoState.LOCAL_ONLY;
        }
        if (types.stream().anyMatch(t -> !INFORMATIONAL.contains(t))) {
            return RepoState.DRIFTED;
        }
        return types.contains(FindingType.HOSTED_UNKNOWN) ? RepoState.UNKNOWN : RepoState.CLEAN;
    }

    /** A short id for URLs: the first 12 hex digits of the key's SHA-256. */
    public static String idOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
