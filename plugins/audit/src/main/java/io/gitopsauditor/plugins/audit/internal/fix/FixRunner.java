package io.gitopsauditor.plugins.audit.internal.fix;

import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** Carries out a planned fix with JGit. Only ever adds; see {@link FixPlanner}. */
public final class FixRunner {
    private final FixPlanner planner;
    private final GitHubConnection github;

    public FixRunner(FixPlanner planner, GitHubConnection github) {
        this.planner = planner;
        this.github = github;
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
        } catch (GitAPIException | IOException | java.net.URISyntaxException e) {
            throw new FixFailedException(plan.fix() + " failed: " + e.getMessage());
        }
    }

    private String cloneRepository(HostedRepository hosted) throws GitAPIException {
        Path target = planner.cloneTarget(hosted).orElseThrow();
        try (Git ignored = Git.cloneRepository().setURI(hosted.cloneUrl()).setDirectory(target.toFile())
                .setCredentialsProvider(credentialsFor(hosted.cloneUrl())).call()) {
            return "Cloned " + hosted.fullName() + " into " + target + ".";
        }
    }

    private String fetch(Path path) throws IOException, GitAPIException {
        try (Git git = Git.open(path.toFile())) {
            int remotes = 0;
            for (String remote : git.getRepository().getRemoteNames()) {
                String url = git.getRepository().getConfig().getString("remote", remote, "url");
                git.fetch().setRemote(remote).setCredentialsProvider(credentialsFor(url)).call();
                remotes++;
            }
            return "Fetched " + remotes + " remote" + (remotes == 1 ? "" : "s") + ".";
        }
    }

    private String setRemote(RepositoryReport report) throws IOException, java.net.URISyntaxException, GitAPIException {
        String url = planner.remoteUrlFor(report);
        try (Git git = Git.open(report.local().path().toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            if (config.getSubsections("remote").contains("origin")) {
                git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(url)).call();
            } else {
                git.remoteAdd().setName("origin").setUri(new URIish(url)).call();
            }
            return "origin now points to " + url + ".";
        }
    }

    private String setRemoteHead(RepositoryReport report) throws IOException, GitAPIException {
        String branch = report.hosted().defaultBranch();
        try (Git git = Git.open(report.local().path().toFile())) {
            String url = git.getRepository().getConfig().getString("remote", "origin", "url");
            git.fetch().setRemote("origin").setCredentialsProvider(credentialsFor(url)).call();
            Repository repository = git.getRepository();
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

    /** The GitHub token, only for URLs on GitHub's own host, never for anything else. */
    private CredentialsProvider credentialsFor(String url) {
        if (url == null || github.token().isEmpty() || !url.startsWith("https://")) {
            return null;
        }
        String host = URI.create(url).getHost();
        String apiHost = github.apiUrl().getHost();
        boolean githubHost = host != null && (host.equals(apiHost) || ("api." + host).equals(apiHost));
        return githubHost ? new UsernamePasswordCredentialsProvider("x-access-token", github.token().get()) : null;
    }

    /** A fix that could not be done, with the reason in words. */
    public static final class FixFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        public FixFailedException(String message) {
            super(message);
        }
    }
}
