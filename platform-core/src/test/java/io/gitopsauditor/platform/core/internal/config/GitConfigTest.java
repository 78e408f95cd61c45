package io.gitopsauditor.platform.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitConfigTest {

    @Test
    void byDefaultNoForeignRepositoryIsAllowedAndNoLocalRemote() {
        PlatformConfig config = PlatformConfig.from(ConfigSource.of(Map.of()));
        assertThat(config.git().safeDirectories()).isEmpty();
        assertThat(config.git().localRemotes()).isEmpty();
    }

    @Test
    void listsComeFromTheEnvironmentToo() {
        PlatformConfig config = PlatformConfig.from(ConfigSource.load(null, Map.of(
                "GITOPS_AUDITOR_GIT_SAFE_DIRECTORIES", "/home/alice/src/*, /srv/one",
                "GITOPS_AUDITOR_GIT_LOCAL_REMOTES", "/srv/git"), Map.of()));
        assertThat(config.git().safeDirectories()).containsExactly("/home/alice/src/*", "/srv/one");
        assertThat(config.git().localRemotes()).containsExactly(Path.of("/srv/git"));
    }

    @Test
    void relativeEntriesAreRefusedByKey() {
        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.of(Map.of("git.safe-directories", "src/*"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("git.safe-directories").hasMessageContaining("src/*");
        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.of(Map.of("git.local-remotes", "remotes"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("git.local-remotes");
        assertThat(PlatformConfig.from(ConfigSource.of(Map.of("git.safe-directories", "*"))).git().safeDirectories())
                .isEqualTo(List.of("*"));
    }
}
