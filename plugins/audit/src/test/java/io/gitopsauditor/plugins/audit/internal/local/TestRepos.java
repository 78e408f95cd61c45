package io.gitopsauditor.plugins.audit.internal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Builds real repositories for tests: JGit's porcelain where it can, the git CLI for worktrees and submodules. */
public final class TestRepos {

    static final PersonIdent ME = new PersonIdent("Test", "test@example.org");

    private TestRepos() {
    }

    static Git init(Path dir) throws Exception {
        Files.createDirectories(dir);
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    static RevCommit commit(Git git, String file, String content) throws Exception {
        write(git.getRepository().getWorkTree().toPath().resolve(file), content);
        git.add().addFilepattern(file).call();
        return git.commit().setMessage("change " + file).setAuthor(ME).setCommitter(ME).setSign(false).call();
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Runs git with a fixed identity, local file transport allowed (for submodules), and no user config. */
    public static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "protocol.file.allow=always", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir + ":\n" + output);
        }
        return output;
    }
}
