package io.gitopsauditor.plugins.audit.internal.local;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

/**
 * Decides what one folder is: a working tree, a bare repository, a linked worktree, a submodule,
 * something Git cannot read, or just a folder. Reads only a few small files, never the objects.
 */
final class FolderClassifier {

    /**
     * The repository a folder sits in, while the walk is inside it.
     *
     * @param path       that repository's working tree
     * @param submodules the absolute paths its {@code .gitmodules} lists
     */
    record Enclosing(Path path, Set<Path> submodules) {
    }

    /**
     * @param found   what the folder is
     * @param descend whether to look inside it for nested repositories (working trees only)
     */
    record Recognised(LocalClone found, boolean descend) {
    }

    private final String sourceId;

    FolderClassifier(String sourceId) {
        this.sourceId = sourceId;
    }

    /**
     * @param enclosing the repository the folder sits in, or {@code null}
     * @return what the folder is, or {@code null} for a plain folder (that may hold repositories)
     */
    Recognised classify(Path dir, Enclosing enclosing) {
        Path dotGit = dir.resolve(".git");
        Path outer = enclosing == null ? null : enclosing.path();
        if (Files.isDirectory(dotGit)) {
            if (!RepositoryCache.FileKey.isGitRepository(dotGit.toFile(), FS.DETECTED)) {
                String problem = Problems.permissionDenied(dotGit)
                        .orElse(".git is not a valid repository: HEAD, objects/ or refs/ is missing or broken");
                return new Recognised(new LocalClone(sourceId, dir, CloneKind.UNREADABLE, remotesIfReadable(dotGit), outer, problem),
                        false);
            }
            boolean submodule = enclosing != null && enclosing.submodules().contains(dir);
            return repository(dir, submodule ? CloneKind.SUBMODULE : CloneKind.WORKING_TREE, dotGit, outer, true);
        }
        if (Files.isRegularFile(dotGit)) {
            return fromGitFile(dir, dotGit, enclosing);
        }
        if (RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
            return repository(dir, CloneKind.BARE, dir, outer, false);
        }
        return null;
    }

    /** A {@code .git} file: a linked worktree, a submodule, or a working tree with a separate Git folder. */
    private Recognised fromGitFile(Path dir, Path dotGit, Enclosing enclosing) {
        Path outer = enclosing == null ? null : enclosing.path();
        GitDirs dirs;
        try {
            Path gitDir = GitDirs.readGitFile(dotGit);
            if (!Files.isDirectory(gitDir)) {
                return unreadable(dir, outer, ".git file points to a missing folder " + Printable.path(gitDir));
            }
            dirs = GitDirs.of(dir).orElseThrow();
        } catch (IOException e) {
            return unreadable(dir, outer, "cannot read the .git file: " + Problems.describe(e));
        }
        if (dirs.linkedWorktree() || hasSegment(dirs.gitDir(), "worktrees")) {
            // The main repository is the working tree around the common .git, or the common folder when it is bare.
            Path common = dirs.commonDir();
            Path main = common.getFileName() != null && common.getFileName().toString().equals(".git") ? common.getParent() : common;
            return repository(dir, CloneKind.LINKED_WORKTREE, dirs.commonDir(), main, true);
        }
        boolean listed = enclosing != null && enclosing.submodules().contains(dir);
        if (listed || hasSegment(dirs.gitDir(), "modules")) {
            return repository(dir, CloneKind.SUBMODULE, dirs.commonDir(), outer != null ? outer : superprojectOf(dirs.gitDir()), true);
        }
        return repository(dir, CloneKind.WORKING_TREE, dirs.commonDir(), outer, true);
    }

    private Recognised repository(Path dir, CloneKind kind, Path commonDir, Path enclosing, boolean descend) {
        try {
            Map<String, String> remotes = RemotesReader.read(commonDir);
            return new Recognised(new LocalClone(sourceId, dir, kind, remotes, enclosing, null), descend);
        } catch (IOException | ConfigInvalidException | IllegalArgumentException e) {
            return unreadable(dir, enclosing, "cannot read the repository config: " + Problems.describe(e));
        }
    }

    /**
     * A broken repository (a garbage HEAD) often still has its config: its remote tells which hosted
     * repository it is a clone of, so that one is not also reported as missing.
     */
    private static Map<String, String> remotesIfReadable(Path gitDir) {
        try {
            return RemotesReader.read(gitDir);
        } catch (IOException | ConfigInvalidException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    Recognised unreadable(Path dir, Path enclosing, String problem) {
        return new Recognised(new LocalClone(sourceId, dir, CloneKind.UNREADABLE, Map.of(), enclosing, problem), false);
    }

    /** A submodule's Git folder lives in {@code <superproject>/.git/modules/<name>}. */
    private static Path superprojectOf(Path gitDir) {
        for (Path p = gitDir; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(".git")) {
                return p.getParent();
            }
        }
        return null;
    }

    private static boolean hasSegment(Path path, String segment) {
        for (Path name : path) {
            if (name.toString().equals(segment)) {
                return true;
            }
        }
        return false;
    }
}
