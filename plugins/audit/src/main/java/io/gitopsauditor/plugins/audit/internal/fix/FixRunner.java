package io.gitopsauditor.plugins.audit.internal.fix;

import io.gitopsauditor.plugin.api.git.GitRefusedException;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.URIish;

/**
 * Carries out a planned fix. Only ever adds; see {@link FixPlanner}. Every repository is opened,
 * fetched and cloned through the platform's {@link GitRepositories}: a clone's config cannot make
 * a fix run a command (its {@code remote.*.uploadpack} is ignored for the built-in one), and
 * remotes are reached only under the platform's transport policy.
 */
public final class FixRunner {
    private final FixPlanner planner;
    private final GitRepositories git;

    public FixRunner(FixPlanner planner, GitRepositories git) {
        this.planner = planner;
        this.git = git;
    }

    /** Runs the fix; returns a sentence on what was done, or throws with a sentence on what went wrong. */
    public String run(RepositoryReport report, FixPlan plan) throws FixFailedException {
        if (!plan.possible()) {
            throw new FixFailedException(plan.blocker());
        }
        try {
            return switch (plan.fix()) {
                case "clone" -> cloneRepository(report.hosted());
                case "fetch" -> fetch(report.local().path());
                case "set-remote" -> setRemote(report);
                case "set-remote-head" -> setRemoteHead(report);
                default -> throw new FixFailedException("unknown fix " + plan.fix());
            };
        } catch (GitAPIException | IOException | URISyntaxException | GitRefusedException e) {
            throw new FixFailedException(plan.fix() + " failed: " + e.getMessage());
        }
    }

    private String cloneRepository(HostedRepository hosted) throws GitAPIException, IOException {
        Path target = planner.cloneTarget(hosted).orElseThrow();
        try (Repository ignored = git.clone(hosted.cloneUrl(), target)) {
            return "Cloned " + hosted.fullName() + " into " + target + ".";
        }
    }

    private String fetch(Path path) throws IOException, GitAPIException {
        try (Repository repository = git.open(path)) {
            int remotes = 0;
            for (String remote : repository.getRemoteNames()) {
                git.fetch(repository, remote);
                remotes++;
            }
            return "Fetched " + remotes + " remote" + (remotes == 1 ? "" : "s") + ".";
        }
    }

    private String setRemote(RepositoryReport report) throws IOException, URISyntaxException, GitAPIException {
        String url = planner.remoteUrlFor(report);
        try (Repository repository = git.open(report.local().path())) {
            Git porcelain = Git.wrap(repository);
            StoredConfig config = repository.getConfig();
            if (config.getSubsections("remote").contains("origin")) {
                porcelain.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(url)).call();
            } else {
                porcelain.remoteAdd().setName("origin").setUri(new URIish(url)).call();
            }
            return "origin now points to " + url + ".";
        }
    }

    private String setRemoteHead(RepositoryReport report) throws IOException, GitAPIException {
        String branch = report.hosted().defaultBranch();
        try (Repository repository = git.open(report.local().path())) {
            git.fetch(repository, "origin");
            String target = Constants.R_REMOTES + "origin/" + branch;
            if (repository.exactRef(target) == null) {
                throw new IOException("origin has no branch " + branch + " even after a fetch");
            }
            RefUpdate update = repository.updateRef(Constants.R_REMOTES + "origin/HEAD");
            RefUpdate.Result result = update.link(target);
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
                throw new IOException("could not update origin/HEAD: " + result);
            }
            return "origin/HEAD now points to origin/" + branch + ".";
        }
    }

    /** A fix that could not be done, with the reason in words. */
    public static final class FixFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        public FixFailedException(String message) {
            super(message);
        }
    }
}
