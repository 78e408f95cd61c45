package io.gitopsauditor.plugins.audit.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permission problems read the same whichever API met them; these run as root too (no chmod involved). */
class ProblemsTest {

    @TempDir
    Path dir;

    @Test
    void accessDeniedNamesThePathOnOneLine() {
        assertThat(Problems.describe(new IOException("scan failed", new AccessDeniedException("/src/new\nline/.git"))))
                .isEqualTo("permission denied: /src/new\\nline/.git");
    }

    @Test
    void streamPermissionDeniedReadsLikeTheOthers() {
        // What FileInputStream (used by JGit for the index and loose objects) throws.
        assertThat(Problems.describe(new FileNotFoundException("/src/app/.git/index (Permission denied)")))
                .isEqualTo("permission denied: /src/app/.git/index");
        assertThat(Problems.describe(new FileNotFoundException("/src/app/.git/index (No such file or directory)")))
                .isEqualTo("/src/app/.git/index (No such file or directory)");
    }

    @Test
    void aReadableGitFolderHasNoPermissionProblem() throws Exception {
        Files.createDirectories(dir.resolve(".git/objects/pack"));
        Files.createDirectories(dir.resolve(".git/refs/heads"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        assertThat(Problems.permissionDenied(dir.resolve(".git"))).isEmpty();
        assertThat(Problems.permissionDenied(dir.resolve("absent"))).isEmpty();
    }
}
