package io.gitopsauditor.plugins.audit.internal.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithoutCredentialsTest {

    @Test
    void anotherPluginsSourceLosesTheCredentialsInItsUrlsAndKeepsEverythingElse() {
        Map<String, String> remotes = new LinkedHashMap<>();
        remotes.put("origin", "https://alice:s3cret@github.com/o/r.git");
        remotes.put("backup", "ssh://git:s3cret@backup.example/o/r.git");
        LocalClone clone = new LocalClone("plugin:x", Path.of("/srv/r"), CloneKind.WORKING_TREE, remotes, null, null);
        HostedRepository hosted = new HostedRepository("plugin:x", "github.com", "o", "r", "https://ghp_s3cret@github.com/o/r.git",
                "git@github.com:o/r.git", "https://u:s3cret@github.com/o/r", "main", false, false, true, null, "d");

        SourceScan scan = WithoutCredentials.of(new SourceScan(List.of(clone), List.of(hosted), List.of("a warning")));

        assertThat(scan.clones().getFirst().remotes()).containsExactly(Map.entry("origin", "https://github.com/o/r.git"),
                Map.entry("backup", "ssh://git@backup.example/o/r.git"));
        assertThat(scan.hosted().getFirst()).isEqualTo(new HostedRepository("plugin:x", "github.com", "o", "r",
                "https://github.com/o/r.git", "git@github.com:o/r.git", "https://github.com/o/r", "main", false, false, true, null, "d"));
        assertThat(scan.warnings()).containsExactly("a warning");
        assertThat(scan.toString()).doesNotContain("s3cret");
    }
}
