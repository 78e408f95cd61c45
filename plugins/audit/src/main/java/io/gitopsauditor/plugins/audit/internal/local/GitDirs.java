package io.gitopsauditor.plugins.audit.internal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one clone keeps its Git files. A linked worktree has two places: its own folder under the
 * main repository's {@code .git/worktrees/} (HEAD, index) and the main repository's {@code .git}
 * (refs, config, objects, stash), which Git calls the common directory.
 *
 * @param gitDir    the clone's own Git folder
 * @param commonDir the folder holding refs, config and objects; equal to {@code gitDir} except for linked worktrees
 */
record GitDirs(Path gitDir, Path commonDir) {

    /**
     * @param clone a working tree, or a bare repository folder
     * @return its Git folders, or empty when it has no {@code .git} and is not bare
     * @throws IOException when a {@code .git} file cannot be read
     */
    static Optional<GitDirs> of(Path clone) throws IOException {
        Path dotGit = clone.resolve(".git");
        Path gitDir;
        if (Files.isDirectory(dotGit)) {
            gitDir = dotGit;
        } else if (Files.isRegularFile(dotGit)) {
            gitDir = readGitFile(dotGit);
        } else if (Files.isRegularFile(clone.resolve("HEAD")) && Files.isDirectory(clone.resolve("objects"))) {
            gitDir = clone;
        } else {
            return Optional.empty();
        }
        return Optional.of(new GitDirs(gitDir, commonDirOf(gitDir)));
    }

    /**
     * Reads a {@code .git} file ({@code gitdir: <path>}), as Git writes for submodules and linked worktrees.
     *
     * @return the absolute, normalised folder it points to (which may not exist)
     * @throws IOException when it cannot be read or does not start with {@code gitdir:}
     */
    static Path readGitFile(Path dotGitFile) throws IOException {
        String content = Files.readString(dotGitFile, StandardCharsets.UTF_8);
        String firstLine = content.lines().findFirst().orElse("");
        if (!firstLine.startsWith("gitdir:")) {
            throw new IOException(".git file does not start with 'gitdir:'");
        }
        Path target = Path.of(firstLine.substring("gitdir:".length()).strip());
        return dotGitFile.getParent().resolve(target).toAbsolutePath().normalize();
    }

    /** A linked worktree's Git folder names the common one in its {@code commondir} file. */
    private static Path commonDirOf(Path gitDir) throws IOException {
        Path commondir = gitDir.resolve("commondir");
        if (!Files.isRegularFile(commondir)) {
            return gitDir;
        }
        String target = Files.readString(commondir, StandardCharsets.UTF_8).strip();
        return gitDir.resolve(target).toAbsolutePath().normalize();
    }

    /** @return whether this is a linked worktree (its Git folder differs from the common one) */
    boolean linkedWorktree() {
        return !gitDir.equals(commonDir);
    }
}
