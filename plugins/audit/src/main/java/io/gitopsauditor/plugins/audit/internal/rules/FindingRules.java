package io.gitopsauditor.plugins.audit.internal.rules;

import static io.gitopsauditor.plugins.audit.internal.model.FindingType.*;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugins.audit.internal.github.RemoteUrls;
import io.gitopsauditor.plugins.audit.internal.inventory.HostedLink;
import io.gitopsauditor.plugins.audit.internal.inventory.Subject;
import io.gitopsauditor.plugins.audit.internal.model.BranchStatus;
import io.gitopsauditor.plugins.audit.internal.model.CloneStatus;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the facts about one repository (its clone's status, its hosted side) into findings, each
 * in one plain sentence. The fix ids name what {@code FixPlanner} can do about a finding.
 */
public final class FindingRules {
    private final Duration staleAfter;

    /** @param staleAfter a clone whose newest commit is older than this is stale */
    public FindingRules(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    public List<Finding> evaluate(Subject subject, CloneStatus clone, Instant now) {
        List<Finding> findings = new ArrayList<>();
        HostedRepository hosted = subject.entry().hosted();
        switch (subject.link()) {
            case NOT_CLONED -> findings.add(Finding.of(MISSING, "On GitHub (" + hosted.fullName() + ") but not cloned here.")
                    .withFix(hosted.archived() ? null : "clone"));
            case NOT_APPLICABLE -> findings.add(notApplicable(subject, clone));
            case NO_REMOTE -> findings.add(hosted == null
                    ? Finding.of(NO_REMOTE, "No remote is configured: every commit exists only on this disk.")
                    : Finding.of(NO_REMOTE, "No remote is configured: every commit exists only on this disk. GitHub has "
                            + hosted.fullName() + ", whose name this folder has.").withFix("set-remote"));
            case UPSTREAM_GONE -> findings.add(Finding.of(DELETED_UPSTREAM, "The remote points to " + subject.remoteLocation()
                    + ", which its owner's GitHub account no longer lists (deleted, renamed or made private)."));
            case UNKNOWN -> findings.add(Finding.of(HOSTED_UNKNOWN, "GitHub could not be reached, so whether "
                    + subject.remoteLocation() + " still exists is unknown."));
            case ELSEWHERE -> findings.add(Finding.of(LOCAL_ONLY, "Not on the configured GitHub accounts; its remote is "
                    + RemoteUrls.redact(subject.entry().local().primaryRemoteUrl()) + "."));
            case MATCHED_BY_NAME -> findings.add(Finding.of(REMOTE_MISMATCH, "The remote points to "
                    + (subject.remoteLocation() == null ? RemoteUrls.redact(subject.entry().local().primaryRemoteUrl())
                            : subject.remoteLocation())
                    + ", not to " + hosted.fullName() + " on GitHub, whose name this folder has.").withFix("set-remote"));
            case MATCHED_BY_REMOTE -> {
            }
        }
        if (clone != null && clone.problem() != null && subject.link() != HostedLink.NOT_APPLICABLE) {
            // The scan found a repository, reading it failed (missing objects, a part of .git it may not read...).
            findings.add(Finding.of(UNREADABLE, "The repository cannot be read: " + clone.problem()));
        }
        if (clone != null && clone.problem() == null && clone.kind() != CloneKind.NOT_A_REPOSITORY) {
            findings.addAll(localFindings(clone, subject.link() == HostedLink.NO_REMOTE));
            if (hosted != null) {
                findings.addAll(hostedFindings(clone, hosted));
            }
            stale(clone, now).ifPresent(findings::add);
        }
        return findings;
    }

    private static Finding notApplicable(Subject subject, CloneStatus clone) {
        var local = subject.entry().local();
        if (local.kind() == CloneKind.NOT_A_REPOSITORY) {
            return Finding.of(NOT_A_REPOSITORY, local.problem() == null ? "This folder holds no git repository."
                    : "Not a git repository: " + local.problem() + ".");
        }
        String problem = clone != null && clone.problem() != null ? clone.problem() : local.problem();
        return Finding.of(UNREADABLE, "The repository cannot be read: " + (problem == null ? "unknown error" : problem));
    }

    private static List<Finding> localFindings(CloneStatus clone, boolean noRemote) {
        List<Finding> findings = new ArrayList<>();
        if (!clone.hasCommits()) {
            findings.add(Finding.of(NO_COMMITS, "The repository has no commits yet."));
        }
        if (clone.detached()) {
            findings.add(Finding.of(DETACHED_HEAD, "HEAD is detached at " + shortId(clone.headCommit())
                    + ": commits made here belong to no branch."));
        }
        if (clone.dirty()) {
            findings.add(Finding.of(UNCOMMITTED_CHANGES, changes(clone)));
        }
        if (clone.stashes() > 0) {
            findings.add(Finding.of(STASHES, plural(clone.stashes(), "stash entry", "stash entries")
                    + (clone.stashes() == 1 ? " exists" : " exist") + " only on this disk."));
        }
        if (noRemote) {
            return findings;
        }
        for (BranchStatus branch : clone.branches()) {
            if (branch.upstream() == null && !branch.onRemote()) {
                findings.add(Finding.of(UNPUSHED_BRANCH, "Branch " + branch.name() + " has never been pushed."));
            } else if (branch.upstreamGone()) {
                findings.add(Finding.of(UPSTREAM_BRANCH_GONE, "Branch " + branch.name() + " tracks " + branch.upstream()
                        + ", which no longer exists on the remote.").withFix("fetch"));
            } else {
                if (branch.ahead() > 0) {
                    findings.add(Finding.of(UNPUSHED_COMMITS, plural(branch.ahead(), "commit", "commits") + " on " + branch.name()
                            + (branch.ahead() == 1 ? " is" : " are") + " not on " + branch.upstream() + "."));
                }
                if (branch.behind() > 0) {
                    findings.add(Finding.of(BEHIND_UPSTREAM, branch.name() + " is " + plural(branch.behind(), "commit", "commits")
                            + " behind " + branch.upstream() + ".").withFix("fetch"));
                }
            }
        }
        return findings;
    }

    private static List<Finding> hostedFindings(CloneStatus clone, HostedRepository hosted) {
        List<Finding> findings = new ArrayList<>();
        if (hosted.archived()) {
            findings.add(Finding.of(ARCHIVED_UPSTREAM, hosted.fullName() + " is archived on GitHub: it is read-only there."));
        }
        String localDefault = clone.remoteHead();
        if (hosted.defaultBranch() != null && localDefault != null && !hosted.defaultBranch().equals(localDefault)) {
            findings.add(Finding.of(DEFAULT_BRANCH_DIFFERS, "GitHub's default branch is " + hosted.defaultBranch()
                    + ", but this clone still has " + localDefault + " as the remote's default.").withFix("set-remote-head"));
        }
        return findings;
    }

    private java.util.Optional<Finding> stale(CloneStatus clone, Instant now) {
        if (clone.lastCommitAt() == null || Duration.between(clone.lastCommitAt(), now).compareTo(staleAfter) <= 0) {
            return java.util.Optional.empty();
        }
        long days = Duration.between(clone.lastCommitAt(), now).toDays();
        return java.util.Optional.of(Finding.of(STALE, "No commit for " + days + " days (stale after " + staleAfter.toDays() + ")."));
    }

    private static String changes(CloneStatus clone) {
        List<String> parts = new ArrayList<>();
        if (clone.staged() > 0) {
            parts.add(clone.staged() + " staged");
        }
        if (clone.unstaged() > 0) {
            parts.add(clone.unstaged() + " modified");
        }
        if (clone.untracked() > 0) {
            parts.add(clone.untracked() + " untracked");
        }
        if (clone.conflicted() > 0) {
            parts.add(clone.conflicted() + " conflicted");
        }
        return "Uncommitted changes: " + String.join(", ", parts) + ".";
    }

    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String shortId(String commit) {
        return commit == null ? "?" : commit.substring(0, Math.min(7, commit.length()));
    }
}
