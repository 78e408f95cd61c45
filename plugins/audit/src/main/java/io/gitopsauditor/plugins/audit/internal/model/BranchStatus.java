package io.gitopsauditor.plugins.audit.internal.model;

/**
 * One local branch against its upstream.
 *
 * @param name         the short branch name, e.g. {@code main}
 * @param upstream     the tracked remote branch, e.g. {@code origin/main}, or {@code null} when none is configured
 * @param ahead        commits on the branch not on its upstream (0 without an upstream)
 * @param behind       commits on the upstream not on the branch
 * @param upstreamGone an upstream is configured but its remote-tracking ref no longer exists
 * @param onRemote     some remote-tracking ref has this branch's name, or it has an upstream: it was pushed at some time
 */
public record BranchStatus(String name, String upstream, int ahead, int behind, boolean upstreamGone, boolean onRemote) {
}
