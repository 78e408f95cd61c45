package io.gitopsauditor.plugins.audit.internal.local;

import io.gitopsauditor.plugins.audit.internal.model.BranchStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevWalkUtils;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Every local branch against its upstream: what exists only here, and what was never fetched.
 *
 * <p>Works from one read of all references ({@code refs}) rather than a lookup per branch and
 * upstream: each JGit lookup re-checks the loose and packed reference files, which was a fifth of
 * the time an audit spent per clone.
 */
final class BranchReader {

    private BranchReader() {
    }

    /**
     * @param refs   every reference of the repository by full name ({@code refs/heads/main} ...)
     * @param reader shared by the walks: it keeps the pack files open between branches
     * @return one status per local branch, sorted by name
     */
    static List<BranchStatus> read(Config config, Map<String, Ref> refs, ObjectReader reader) throws IOException {
        Set<String> onSomeRemote = remoteBranchNames(config, refs);
        boolean bare = config.getBoolean("core", null, "bare", false);
        List<BranchStatus> branches = new ArrayList<>();
        for (Ref ref : refs.values()) {
            if (!ref.getName().startsWith(Constants.R_HEADS)) {
                continue;
            }
            String name = Repository.shortenRefName(ref.getName());
            String tracking = new BranchConfig(config, name).getTrackingBranch();
            if (tracking == null && bare) {
                branches.add(bareBranch(config, refs, reader, name, ref));
                continue;
            }
            if (tracking == null) {
                branches.add(new BranchStatus(name, null, 0, 0, false, onSomeRemote.contains(name)));
                continue;
            }
            String upstream = Repository.shortenRefName(tracking);
            Ref trackingRef = refs.get(tracking);
            if (trackingRef == null || trackingRef.getObjectId() == null) {
                // Configured, but the remote-tracking ref is gone: deleted on the remote and pruned, or never fetched.
                branches.add(new BranchStatus(name, upstream, 0, 0, true, true));
                continue;
            }
            int[] aheadBehind = ref.getObjectId() == null ? new int[2]
                    : aheadBehind(reader, name, ref.getObjectId(), trackingRef.getObjectId());
            branches.add(new BranchStatus(name, upstream, aheadBehind[0], aheadBehind[1], false, true));
        }
        branches.sort((a, b) -> a.name().compareTo(b.name()));
        return branches;
    }

    /**
     * A bare repository's branch. Bare and mirror clones have no upstream configuration: after
     * {@code git clone --bare} or {@code --mirror} the branches <em>are</em> the remote's, as last
     * fetched, so "never pushed" would be wrong for every one of them. When a remote-tracking branch
     * of the same name exists ({@code refs/remotes/<remote>/<name>}, a bare repository that fetches
     * the usual way), the branch is compared with it; when a remote fetches straight into
     * {@code refs/heads/} (a bare or mirror clone), whether the branch holds commits the remote lacks
     * cannot be known without asking the remote, so none is claimed. Only a branch that no remote
     * could have written is "never pushed".
     */
    private static BranchStatus bareBranch(Config config, Map<String, Ref> refs, ObjectReader reader, String name, Ref ref)
            throws IOException {
        List<String> remotes = new ArrayList<>(config.getSubsections("remote"));
        // origin first: what the clone came from, and what a remote-tracking comparison should name.
        remotes.sort((a, b) -> Boolean.compare(!a.equals(Constants.DEFAULT_REMOTE_NAME), !b.equals(Constants.DEFAULT_REMOTE_NAME)));
        for (String remote : remotes) {
            Ref tracking = refs.get(Constants.R_REMOTES + remote + "/" + name);
            if (tracking != null && tracking.getObjectId() != null && ref.getObjectId() != null) {
                int[] aheadBehind = aheadBehind(reader, name, ref.getObjectId(), tracking.getObjectId());
                return new BranchStatus(name, remote + "/" + name, aheadBehind[0], aheadBehind[1], false, true);
            }
        }
        boolean fetchedIntoHeads = remotes.stream().anyMatch(remote -> fetchesIntoHeads(config, remote));
        return new BranchStatus(name, null, 0, 0, false, fetchedIntoHeads);
    }

    /** {@code git clone --bare} writes no fetch refspec (its fetches name refs explicitly); {@code --mirror} writes {@code +refs/*:refs/*}. */
    private static boolean fetchesIntoHeads(Config config, String remote) {
        if (config.getString("remote", remote, "url") == null) {
            return false;
        }
        String[] refspecs = config.getStringList("remote", remote, "fetch");
        if (refspecs.length == 0) {
            return true;
        }
        for (String refspec : refspecs) {
            int colon = refspec.indexOf(':');
            String destination = colon < 0 ? "" : refspec.substring(colon + 1);
            if (destination.equals("refs/*") || destination.startsWith(Constants.R_HEADS)) {
                return true;
            }
        }
        return false;
    }

    /** @return commits only on {@code local}, commits only on {@code upstream}: what {@code git status} counts */
    private static int[] aheadBehind(ObjectReader reader, String branch, ObjectId local, ObjectId upstream) throws IOException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit localCommit = parse(walk, branch, local);
            RevCommit upstreamCommit = parse(walk, branch + "'s upstream", upstream);
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(localCommit);
            walk.markStart(upstreamCommit);
            RevCommit mergeBase = walk.next();
            walk.reset();
            walk.setRevFilter(RevFilter.ALL);
            return new int[] {
                RevWalkUtils.count(walk, localCommit, mergeBase),
                RevWalkUtils.count(walk, upstreamCommit, mergeBase)
            };
        }
    }

    private static RevCommit parse(RevWalk walk, String what, ObjectId id) throws IOException {
        try {
            return walk.parseCommit(id);
        } catch (MissingObjectException e) {
            throw new IOException(what + " points to a missing object " + id.abbreviate(7).name(), e);
        }
    }

    /** @return branch names found under {@code refs/remotes/<remote>/} for every configured remote */
    private static Set<String> remoteBranchNames(Config config, Map<String, Ref> refs) {
        Set<String> prefixes = new HashSet<>();
        for (String remote : config.getSubsections("remote")) {
            prefixes.add(Constants.R_REMOTES + remote + "/");
        }
        Set<String> names = new HashSet<>();
        for (String ref : refs.keySet()) {
            if (!ref.startsWith(Constants.R_REMOTES)) {
                continue;
            }
            for (String prefix : prefixes) {
                if (ref.startsWith(prefix)) {
                    names.add(ref.substring(prefix.length()));
                }
            }
        }
        return names;
    }
}
