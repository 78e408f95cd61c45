package io.gitopsauditor.plugins.audit.internal;

import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import io.gitopsauditor.plugin.api.inventory.RepositorySource;
import io.gitopsauditor.plugins.audit.internal.github.GitHubAccountSource;
import io.gitopsauditor.plugins.audit.internal.local.CloneInspector;
import io.gitopsauditor.plugins.audit.internal.local.LocalFolderSource;
import io.gitopsauditor.plugins.audit.internal.rules.FindingRules;
import io.gitopsauditor.plugins.audit.internal.rules.RepositoryJudge;
import io.gitopsauditor.plugins.audit.internal.run.AuditEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the audit's parts from the settings: the same for the server and the CLI. The server
 * hands in its live settings: each run's sources and engine are built from the settings in force
 * when it starts, so a change on the Settings page needs no restart.
 */
public record Audits(Supplier<AuditSettings> settings, GitHubConnection github, GitRepositories git,
                     Supplier<List<RepositorySource>> extraSources) {
    static {
        // The server and the CLI both build their audit here, before any JGit class is loaded.
        JGitLogging.quiet();
    }

    /** Fixed settings: the CLI's one run. */
    public Audits(AuditSettings settings, GitHubConnection github, GitRepositories git, Supplier<List<RepositorySource>> extraSources) {
        this(() -> settings, github, git, extraSources);
    }

    /** The configured roots and owners, then the sources other plugins provide. */
    public List<RepositorySource> sources() {
        AuditSettings settings = this.settings.get();
        List<RepositorySource> sources = new ArrayList<>();
        for (Path root : settings.roots()) {
            sources.add(new LocalFolderSource(root, settings.depth(), settings.skip()));
        }
        for (String owner : settings.githubOwners()) {
            sources.add(new GitHubAccountSource(github, owner));
        }
        sources.addAll(extraSources.get());
        return sources;
    }

    public AuditEngine engine(Clock clock) {
        AuditSettings settings = this.settings.get();
        CloneInspector inspector = new CloneInspector(git, clock);
        return new AuditEngine(inspector::inspect, new RepositoryJudge(new FindingRules(settings.staleAfter())),
                settings.parallelism(), clock);
    }
}
