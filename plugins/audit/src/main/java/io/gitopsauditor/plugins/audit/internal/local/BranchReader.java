package io.gitopsauditor.plugins.audit.internal.local;

import io.gitopsauditor.plugins.audit.internal.model.BranchStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.BranchTrackingStatus;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** Every local branch against its upstream: what exists only here, and what was never fetched. */
final class BranchReader {

    private BranchReader() {
    }

    /** @return one status per local branch, sorted by name */
    static List<BranchStatus> read(Repository repository) throws IOException {
        Set<String> onSomeRemote = remoteBranchNames(repository);
        List<BranchStatus> branches = new ArrayList<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            String name = Repository.shortenRefName(ref.getName());
            String tracking = new BranchConfig(repository.getConfig(), name).getTrackingBranch();
            if (tracking == null) {
                branches.add(new BranchStatus(name, null, 0, 0, false, onSomeRemote.contains(name)));
                continue;
            }
            String upstream = Repository.shortenRefName(tracking);
            if (repository.exactRef(tracking) == null) {
                // Configured, but the remote-tracking ref is gone: deleted on the remote and pruned, or never fetched.
                branches.add(new BranchStatus(name, upstream, 0, 0, true, true));
                continue;
            }
            BranchTrackingStatus counts = BranchTrackingStatus.of(repository, name);
            int ahead = counts == null ? 0 : counts.getAheadCount();
            int behind = counts == null ? 0 : counts.getBehindCount();
            branches.add(new BranchStatus(name, upstream, ahead, behind, false, true));
        }
        branches.sort((a, b) -> a.name().compareTo(b.name()));
        return branches;
    }

    /** @return branch names found under {@code refs/remotes/<remote>/} for every configured remote */
    private static Set<String> remoteBranchNames(Repository repository) throws IOException {
        Set<String> names = new HashSet<>();
        for (String remote : repository.getConfig().getSubsections("remote")) {
            String prefix = Constants.R_REMOTES + remote + "/";
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
                names.add(ref.getName().substring(prefix.length()));
            }
        }
        return names;
    }
}
