package io.gitopsauditor.plugins.audit.internal.local;

import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugins.audit.internal.local.FolderClassifier.Enclosing;
import io.gitopsauditor.plugins.audit.internal.local.FolderClassifier.Recognised;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * One depth-first walk below a root, collecting what {@link FolderClassifier} recognises. Symbolic
 * links to folders are followed (people link clones into their source folder), but every folder is
 * entered once, by its file key (device and inode), so a link back up the tree cannot loop. A
 * folder reached through a link is reported under its real path: a clone linked into the root and
 * also present there (or linked twice) is one repository, whichever name sorts first.
 */
final class FolderWalk {

    private final FolderClassifier classifier;
    private final int maxDepth;
    private final Set<String> skippedFolders;
    private final Set<Object> entered = new HashSet<>();
    private final List<LocalClone> clones = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    FolderWalk(FolderClassifier classifier, int maxDepth, Set<String> skippedFolders) {
        this.classifier = classifier;
        this.maxDepth = maxDepth;
        this.skippedFolders = skippedFolders;
    }

    List<LocalClone> clones() {
        return clones;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * Reports the folder if it is a repository and walks on inside it.
     *
     * @param depth     levels below the root
     * @param enclosing the repository the folder sits in, or {@code null}
     * @return whether anything was reported at or below this folder, or it was entered before (and is
     *         accounted for where it was first met)
     */
    boolean visit(Path path, int depth, Enclosing enclosing) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("scan of " + path + " cancelled");
        }
        Path dir = followLink(path);
        if (!enterOnce(dir)) {
            return true;
        }
        Recognised recognised = classifier.classify(dir, enclosing);
        if (recognised != null) {
            clones.add(recognised.found());
            if (recognised.found().problem() != null) {
                warnings.add(Printable.path(dir) + ": " + recognised.found().problem());
            }
            if (!recognised.descend()) {
                return true;
            }
        }
        Enclosing inner = recognised == null ? enclosing : new Enclosing(dir, submodulesOf(dir));
        boolean found = recognised != null;
        if (depth < maxDepth) {
            List<Path> children = childFolders(dir, enclosing);
            if (children == null) {
                return true;
            }
            for (Path child : children) {
                found |= visit(child, depth + 1, inner);
            }
        }
        if (recognised != null) {
            // Submodules deeper than the scan depth are still part of this repository's state.
            for (Path submodule : inner.submodules()) {
                if (Files.exists(submodule.resolve(".git"))) {
                    visit(submodule, maxDepth, inner);
                }
            }
        }
        return found;
    }

    /**
     * @return the sub-folders to walk, sorted, without {@code .git} and skipped names; {@code null} when
     *         the folder cannot be listed (it has then been reported as unreadable)
     */
    private List<Path> childFolders(Path dir, Enclosing enclosing) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (!name.equals(".git") && !skippedFolders.contains(name) && Files.isDirectory(child)) {
                    children.add(child);
                }
            }
        } catch (IOException | RuntimeException e) {
            String problem = "cannot list this folder: " + Problems.describe(e);
            clones.add(classifier.unreadable(dir, enclosing == null ? null : enclosing.path(), problem).found());
            warnings.add(Printable.path(dir) + ": " + problem);
            return null;
        }
        children.sort(null);
        return children;
    }

    /** @return the real path of a symbolic link, else the path itself (also when the link cannot be resolved) */
    static Path followLink(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return path;
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    /**
     * Marks a folder as entered (the root, before walking its children, so a link back to it is not followed).
     *
     * @return whether the folder was not entered before; a folder whose identity cannot be read is entered
     */
    boolean enterOnce(Path dir) {
        try {
            Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
            return entered.add(key != null ? key : dir.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }

    /** @return the absolute paths the repository's {@code .gitmodules} lists; empty when it has none or it is broken */
    private static Set<Path> submodulesOf(Path repository) {
        Path file = repository.resolve(".gitmodules");
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        Config config;
        try {
            config = IncludeFreeConfig.load(file);
        } catch (IOException | ConfigInvalidException e) {
            return Set.of();
        }
        Set<Path> paths = new LinkedHashSet<>();
        for (String name : config.getSubsections("submodule")) {
            String path = config.getString("submodule", name, "path");
            if (path != null && !path.isBlank()) {
                paths.add(repository.resolve(path).normalize());
            }
        }
        return paths;
    }
}
