package io.gitopsauditor.platform.core.internal.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.internal.github.ConfiguredGitHub;
import io.gitopsauditor.platform.core.internal.github.GitHubSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandFreeEnvironmentTest {

    /** What JGit would see in a service started with these variables. */
    private static SystemReader environment(Map<String, String> variables) {
        return new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public String getenv(String variable) {
                return variables.get(variable);
            }
        };
    }

    @Test
    void jgitNeverSeesTheVariablesThatNameCommandsButSeesTheRest() {
        SystemReader seen = CommandFreeEnvironment.wrap(environment(Map.of("GIT_SSH", "/tmp/evil-ssh",
                "GIT_SSH_COMMAND", "touch /tmp/canary", "GIT_ASKPASS", "/tmp/askpass", "XDG_CONFIG_HOME", "/srv/xdg")));
        assertThat(seen.getenv("GIT_SSH")).isNull();
        assertThat(seen.getenv("GIT_SSH_COMMAND")).isNull();
        assertThat(seen.getenv("GIT_ASKPASS")).isNull();
        assertThat(seen.getenv("XDG_CONFIG_HOME")).isEqualTo("/srv/xdg");
    }

    @Test
    void theServiceInstallsItForTheWholeProcessWhenItFirstOpensARepository(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        PlatformGit git = new PlatformGit(GitSettings.defaults(), new ConfiguredGitHub(new GitHubSettings(URI.create("https://api.github.com"),
                Optional.empty(), Duration.ofSeconds(5))), List::of, PlatformGit.ProcessUid.current());
        git.open(dir).close();
        assertThat(SystemReader.getInstance()).isInstanceOf(CommandFreeEnvironment.class);
    }
}
