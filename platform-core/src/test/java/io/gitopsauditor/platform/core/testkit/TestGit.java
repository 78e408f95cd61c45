package io.gitopsauditor.platform.core.testkit;

import io.gitopsauditor.platform.core.internal.git.GitSettings;
import io.gitopsauditor.platform.core.internal.git.PlatformGit;
import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.platform.core.internal.github.GitHubSettings;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The platform's real git service for plugin tests that do not boot a server. */
public final class TestGit {

    private TestGit() {
    }

    /** @return the service with the default settings: no local remotes, no ownership exceptions */
    public static GitRepositories service() {
        return service(List.of(), List.of());
    }

    /** @return the service allowing local remotes under these folders ({@code git.local-remotes}) */
    public static GitRepositories withLocalRemotes(Path... folders) {
        return service(List.of(), List.of(folders));
    }

    /**
     * @param safeDirectories {@code git.safe-directories}
     * @param localRemotes    {@code git.local-remotes}
     * @return the service, anonymous on GitHub
     */
    public static GitRepositories service(List<String> safeDirectories, List<Path> localRemotes) {
        return new PlatformGit(new GitSettings(safeDirectories, localRemotes), new ConfiguredGitHub(
                new GitHubSettings(URI.create("https://api.github.com"), Optional.empty(), Duration.ofSeconds(5))));
    }
}
