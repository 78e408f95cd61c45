package io.gitopsauditor.plugins.audit.internal.fix;

import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugins.audit.internal.github.RemoteUrls;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the safe fixes a report's findings offer. Every fix only adds: a clone into an empty
 * place, a fetch (no prune), a remote URL or the remote's default-branch pointer. Nothing that
 * deletes, discards or resets is offered.
 */
public final class FixPlanner {
    private final Path cloneRoot;

    /** @param cloneRoot where missing repositories are cloned, or {@code null} when no root is configured */
    public FixPlanner(Path cloneRoot) {
        this.cloneRoot = cloneRoot;
    }

    public List<FixPlan> plans(RepositoryReport report) {
        Set<String> fixes = new LinkedHashSet<>();
        report.findings().stream().map(Finding::fix).filter(java.util.Objects::nonNull).forEach(fixes::add);
        List<FixPlan> plans = new ArrayList<>();
        for (String fix : fixes) {
            plan(report, fix).ifPresent(plans::add);
        }
        return plans;
    }

    public Optional<FixPlan> plan(RepositoryReport report, String fix) {
        return switch (fix) {
            case "clone" -> cloneable(report);
            case "fetch" -> local(report).map(path -> new FixPlan("fetch", "Fetch every remote (nothing local changes)",
                    report.local().remotes().keySet().stream().map(remote -> fetch(path, remote)).toList(), true, null));
            case "set-remote" -> setRemote(report);
            case "set-remote-head" -> setRemoteHead(report);
            default -> Optional.empty();
        };
    }

    /** Where the clone fix would put a repository. */
    public Optional<Path> cloneTarget(HostedRepository hosted) {
        return Optional.ofNullable(cloneRoot).map(root -> root.resolve(hosted.name()));
    }

    private Optional<FixPlan> cloneable(RepositoryReport report) {
        HostedRepository hosted = report.hosted();
        if (hosted == null || report.local() != null) {
            return Optional.empty();
        }
        Optional<Path> target = cloneTarget(hosted);
        if (target.isEmpty()) {
            return Optional.of(new FixPlan("clone", "Clone " + hosted.fullName(), List.of(), false,
                    "no folder to clone into: set plugins.audit.clone-root or plugins.audit.roots"));
        }
        String command = "git clone " + quote(RemoteUrls.redact(hosted.cloneUrl())) + " " + quote(target.get().toString());
        boolean free = !Files.exists(target.get());
        return Optional.of(new FixPlan("clone", "Clone " + hosted.fullName() + " into " + target.get(), List.of(command), free,
                free ? null : target.get() + " already exists; move it away or clone by hand"));
    }

    private Optional<FixPlan> setRemote(RepositoryReport report) {
        HostedRepository hosted = report.hosted();
        Optional<Path> path = local(report);
        if (hosted == null || path.isEmpty()) {
            return Optional.empty();
        }
        String current = report.local().remotes().get("origin");
        String url = remoteUrlFor(report);
        String command = current == null ? git(path.get(), "remote", "add", "origin", url) : git(path.get(), "remote", "set-url", "origin", url);
        return Optional.of(new FixPlan("set-remote", "Point origin at " + hosted.fullName()
                + (current == null ? "" : " (was " + RemoteUrls.redact(current) + ")"), List.of(command), true, null));
    }

    /** The URL set-remote points origin at: SSH if origin used SSH, else HTTPS. */
    public String remoteUrlFor(RepositoryReport report) {
        HostedRepository hosted = report.hosted();
        String current = report.local() == null ? null : report.local().remotes().get("origin");
        return current != null && !current.startsWith("http") && hosted.sshUrl() != null ? hosted.sshUrl() : hosted.cloneUrl();
    }

    private Optional<FixPlan> setRemoteHead(RepositoryReport report) {
        HostedRepository hosted = report.hosted();
        Optional<Path> path = local(report);
        if (hosted == null || path.isEmpty() || hosted.defaultBranch() == null) {
            return Optional.empty();
        }
        return Optional.of(new FixPlan("set-remote-head", "Record " + hosted.defaultBranch() + " as origin's default branch",
                List.of(fetch(path.get(), "origin"), git(path.get(), "remote", "set-head", "origin", hosted.defaultBranch())),
                true, null));
    }

    private static Optional<Path> local(RepositoryReport report) {
        return report.local() == null || report.local().problem() != null ? Optional.empty() : Optional.of(report.local().path());
    }

    /**
     * What the fix really does for one remote: the platform fetches each remote with the built-in
     * upload-pack, whatever {@code remote.<name>.uploadpack} the clone's config names, and no submodules.
     */
    private static String fetch(Path path, String remote) {
        return git(path, "-c", "remote." + remote + ".uploadpack=git-upload-pack", "fetch", "--no-recurse-submodules", remote);
    }

    private static String git(Path path, String... arguments) {
        List<String> words = new ArrayList<>(List.of("git", "-C", quote(path.toString())));
        for (String argument : arguments) {
            words.add(quote(argument));
        }
        return String.join(" ", words);
    }

    /** Shell-quotes what needs it, so a previewed command can be pasted as is. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9@%+=:,./_-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
