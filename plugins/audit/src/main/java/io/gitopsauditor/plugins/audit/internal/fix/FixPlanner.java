package io.gitopsauditor.plugins.audit.internal.fix;

import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugins.audit.internal.github.CloneUrlPolicy;
import io.gitopsauditor.plugins.audit.internal.github.RemoteUrls;
import io.gitopsauditor.plugins.audit.internal.model.Finding;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the safe fixes a report's findings offer. Every fix only adds: a clone into an empty
 * place, a fetch (no prune), a remote URL or the remote's default-branch pointer. Nothing that
 * deletes, discards or resets is offered.
 *
 * <p>Names and URLs come from GitHub's answers, so they are checked here, before a preview is
 * shown: a clone goes only into a new, direct child folder of the clone root named by a safe
 * repository name, and only URLs {@link CloneUrlPolicy} accepts are cloned or written into a
 * config. A plan that fails a check is "not possible", with the reason, and shows no command.
 * Previews are {@link ShellWords shell-quoted} with {@code --} before positional arguments.
 */
public final class FixPlanner {
    /** Read at each plan: the clone root follows the audit's settings without a restart. */
    private final java.util.function.Supplier<Path> cloneRoots;
    private final CloneUrlPolicy urls;

    /**
     * @param cloneRoot where missing repositories are cloned, or {@code null} when no root is configured
     * @param urls      which clone and remote URLs the fixes may use
     */
    public FixPlanner(Path cloneRoot, CloneUrlPolicy urls) {
        this(urls, () -> cloneRoot);
    }

    private FixPlanner(CloneUrlPolicy urls, java.util.function.Supplier<Path> cloneRoots) {
        this.cloneRoots = Objects.requireNonNull(cloneRoots, "cloneRoots");
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    /**
     * @param cloneRoots gives the clone root in force now ({@code null} when none is configured): the server's settings
     * @param urls       which clone and remote URLs the fixes may use
     * @return a planner that follows the clone root as the settings change
     */
    public static FixPlanner following(java.util.function.Supplier<Path> cloneRoots, CloneUrlPolicy urls) {
        return new FixPlanner(urls, cloneRoots);
    }

    public List<FixPlan> plans(RepositoryReport report) {
        Set<String> fixes = new LinkedHashSet<>();
        report.findings().stream().map(Finding::fix).filter(Objects::nonNull).forEach(fixes::add);
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

    /**
     * Where the clone fix would put a repository: the clone root's direct child named like it.
     *
     * @return that folder, or empty without a clone root or when the name is not a safe folder name
     */
    public Optional<Path> cloneTarget(HostedRepository hosted) {
        Path cloneRoot = cloneRoots.get();
        if (cloneRoot == null || !CloneUrlPolicy.safeName(hosted.name())) {
            return Optional.empty();
        }
        Path root = cloneRoot.toAbsolutePath().normalize();
        Path target = root.resolve(hosted.name()).normalize();
        // Belt and braces: a safe name cannot leave the root, and this holds whatever the name rules become.
        return Objects.equals(target.getParent(), root) ? Optional.of(target) : Optional.empty();
    }

    private Optional<FixPlan> cloneable(RepositoryReport report) {
        HostedRepository hosted = report.hosted();
        if (hosted == null || report.local() != null) {
            return Optional.empty();
        }
        String title = "Clone " + hosted.fullName();
        if (cloneRoots.get() == null) {
            return Optional.of(blocked("clone", title, "no folder to clone into: add a folder to scan on the Settings page (or set plugins.audit.clone-root or plugins.audit.roots)"));
        }
        Optional<Path> target = cloneTarget(hosted);
        if (target.isEmpty()) {
            return Optional.of(blocked("clone", title, "not possible: " + CloneUrlPolicy.nameRefusal(hosted.name()).orElse(
                    "the name does not stay inside the clone root")));
        }
        Optional<String> refusal = urls.refusal(hosted.cloneUrl()).map(reason -> "not possible: " + reason);
        Optional<String> outside = refusal.isPresent() ? Optional.empty() : outsideRoot(target.get());
        if (refusal.isPresent() || outside.isPresent()) {
            return Optional.of(blocked("clone", title, refusal.orElseGet(outside::get)));
        }
        String command = ShellWords.command(List.of("git", "clone", "--"), hosted.cloneUrl(), target.get().toString());
        boolean free = !Files.exists(target.get(), LinkOption.NOFOLLOW_LINKS);
        return Optional.of(new FixPlan("clone", title + " into " + target.get(), List.of(command), free,
                free ? null : target.get() + " already exists; move it away or clone by hand"));
    }

    /**
     * The root must exist, and the target's real parent must be the root's real path: a root that is
     * a symbolic link is fine, a target that leads elsewhere is not.
     */
    private Optional<String> outsideRoot(Path target) {
        Path cloneRoot = cloneRoots.get();
        try {
            Path realRoot = cloneRoot.toRealPath();
            Path realParent = target.getParent().toRealPath();
            return realParent.equals(realRoot) ? Optional.empty()
                    : Optional.of("not possible: " + target + " is not inside the clone root " + cloneRoot);
        } catch (IOException missing) {
            return Optional.of("not possible: the clone root " + cloneRoot + " does not exist");
        }
    }

    private Optional<FixPlan> setRemote(RepositoryReport report) {
        HostedRepository hosted = report.hosted();
        Optional<Path> path = local(report);
        if (hosted == null || path.isEmpty()) {
            return Optional.empty();
        }
        String current = report.local().remotes().get("origin");
        String title = "Point origin at " + hosted.fullName() + (current == null ? "" : " (was " + RemoteUrls.redact(current) + ")");
        String url = remoteUrlFor(report);
        Optional<String> refusal = urls.refusal(url);
        if (refusal.isPresent()) {
            return Optional.of(blocked("set-remote", title, "not possible: " + refusal.get()));
        }
        String command = ShellWords.git(path.get(), List.of("remote", current == null ? "add" : "set-url", "--", "origin"), url);
        return Optional.of(new FixPlan("set-remote", title, List.of(command), true, null));
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
                List.of(fetch(path.get(), "origin"),
                        ShellWords.git(path.get(), List.of("remote", "set-head", "--", "origin"), hosted.defaultBranch())),
                true, null));
    }

    private static FixPlan blocked(String fix, String title, String reason) {
        return new FixPlan(fix, title, List.of(), false, reason);
    }

    private static Optional<Path> local(RepositoryReport report) {
        return report.local() == null || report.local().problem() != null ? Optional.empty() : Optional.of(report.local().path());
    }

    /**
     * What the fix really does for one remote: the platform fetches each remote with the built-in
     * upload-pack, whatever {@code remote.<name>.uploadpack} the clone's config names, and no submodules.
     */
    private static String fetch(Path path, String remote) {
        return String.join(" ", "git", "-C", ShellWords.quote(path.toString()),
                "-c", ShellWords.quote("remote." + remote + ".uploadpack=git-upload-pack"),
                "fetch", "--no-recurse-submodules", "--", ShellWords.quote(remote));
    }
}
