package io.gitopsauditor.plugins.audit.internal.local;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugin.api.inventory.RepositorySource;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.plugin.api.inventory.SourceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The repositories under one folder of this machine, e.g. {@code ~/src}. It walks the folder to a
 * fixed depth and reports every repository it recognises: working trees, bare repositories, linked
 * worktrees, submodules and repositories nested inside others. A folder directly under the root
 * that holds no repository is reported too ({@link CloneKind#NOT_A_REPOSITORY}): it is often work
 * that was never put under version control. Folders it cannot read become
 * {@link CloneKind#UNREADABLE} entries plus a warning; the scan itself only fails when the root is
 * missing.
 */
public final class LocalFolderSource implements RepositorySource {

    /** How deep below the root repositories are looked for: {@code root/group/team/repo}. */
    public static final int DEFAULT_DEPTH = 3;

    /** Folders that hold dependencies or build output, never a clone worth auditing, and can be huge. */
    public static final Set<String> DEFAULT_SKIPPED_FOLDERS =
            Set.of("node_modules", ".cache", "vendor", "target", "build", ".venv", "__pycache__");

    private final Path root;
    private final int depth;
    private final Set<String> skippedFolders;

    /** A source with the default depth and skipped folders. */
    public LocalFolderSource(Path root) {
        this(root, DEFAULT_DEPTH, DEFAULT_SKIPPED_FOLDERS);
    }

    /**
     * @param root           the folder to scan; made absolute
     * @param depth          how many folder levels below the root to look, at least 1
     * @param skippedFolders folder names never entered (compared with each folder's own name)
     */
    public LocalFolderSource(Path root, int depth, Set<String> skippedFolders) {
        if (depth < 1) {
            throw new IllegalArgumentException("the scan depth of " + root + " must be at least 1, not " + depth);
        }
        this.root = root.toAbsolutePath().normalize();
        this.depth = depth;
        this.skippedFolders = Set.copyOf(skippedFolders);
    }

    @Override
    public String id() {
        return "local:" + root;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public String label() {
        return "Folder " + Printable.path(root);
    }

    /** @return the folder this source scans, absolute */
    public Path root() {
        return root;
    }

    @Override
    public SourceScan scan() throws SourceUnavailableException, InterruptedException {
        if (!Files.exists(root)) {
            throw new SourceUnavailableException("The folder " + Printable.path(root)
                    + " does not exist: create it, mount it, or remove it from the local sources.");
        }
        if (!Files.isDirectory(root)) {
            throw new SourceUnavailableException("The local source " + Printable.path(root)
                    + " is a file, not a folder: point the source at the folder that holds your clones.");
        }
        FolderClassifier classifier = new FolderClassifier(id());
        FolderWalk walk = new FolderWalk(classifier, depth, skippedFolders);
        if (classifier.classify(root, null) != null) {
            // The root is itself a repository: its sub-folders are its content, not would-be repositories.
            walk.visit(root, 0, null);
        } else {
            walk.enterOnce(root);
            for (Path child : rootFolders()) {
                if (!walk.visit(child, 1, null)) {
                    walk.clones().add(new LocalClone(id(), FolderWalk.followLink(child), CloneKind.NOT_A_REPOSITORY, Map.of(), null,
                            "no Git repository within " + depth + (depth == 1 ? " level" : " levels")));
                }
            }
        }
        List<LocalClone> clones = new ArrayList<>(walk.clones());
        clones.sort(Comparator.comparing(LocalClone::path));
        List<String> warnings = walk.warnings();
        return new SourceScan(clones, List.of(), warnings);
    }

    /** The root's sub-folders, skipped names left out; a root that cannot be listed makes the whole source unavailable. */
    private List<Path> rootFolders() throws SourceUnavailableException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(child -> !skippedFolders.contains(child.getFileName().toString()))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SourceUnavailableException("The folder " + Printable.path(root) + " cannot be listed ("
                    + Problems.describe(e) + "): check its permissions for the user the server runs as.", e);
        }
    }
}
