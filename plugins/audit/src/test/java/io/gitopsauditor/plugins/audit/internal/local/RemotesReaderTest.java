package io.gitopsauditor.plugins.audit.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository's config is read as written: a file it names with include.path is never read. */
class RemotesReaderTest {

    @TempDir
    Path dir;

    @Test
    void remoteInAFileNamedByIncludePathIsNotRead() throws Exception {
        Path named = Files.writeString(dir.resolve("elsewhere.cfg"), "[remote \"planted\"]\n\turl = https://example.org/planted.git\n");
        Path git = Files.createDirectories(dir.resolve("repo/.git"));
        Files.writeString(git.resolve("config"), "[include]\n\tpath = " + named + "\n"
                + "[remote \"origin\"]\n\turl = https://github.com/acme/app.git\n");
        assertThat(RemotesReader.read(git)).containsOnlyKeys("origin")
                .containsEntry("origin", "https://github.com/acme/app.git");
    }

    @Test
    void submoduleInAFileNamedByTheGitmodulesIncludePathIsNotRead() throws Exception {
        Path named = Files.writeString(dir.resolve("elsewhere.cfg"), "[submodule \"planted\"]\n\tpath = /etc\n");
        Path gitmodules = Files.writeString(dir.resolve(".gitmodules"), "[include]\n\tpath = " + named + "\n"
                + "[submodule \"lib\"]\n\tpath = lib\n");
        assertThat(IncludeFreeConfig.load(gitmodules).getSubsections("submodule")).containsExactly("lib");
    }
}
