package io.gitopsauditor.plugins.audit.internal.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Tells cheaply whether a clone may have changed since its last audit, from file-system metadata
 * alone (no Git objects are read).
 *
 * <p>The Git side is a handful of stat calls: every file Git rewrites on a commit, checkout, fetch,
 * stash or config change. The working tree is the expensive side: editing a tracked file touches
 * nothing in {@code .git}, so every file's metadata is hashed. Where that is too slow,
 * {@link WorkingTreeWatcher} learns the same from inotify and this class is only its fallback.
 *
 * <p>Each entry contributes a hash of (relative path, size, modification time, file key) and the
 * contributions are summed, so the result does not depend on listing order. Folder entries are
 * included: deleting or renaming a file changes its folder's modification time. Hashing every entry
 * rather than taking the newest mtime also notices a file replaced by an older copy (new inode).
 */
public final class ChangeDetector {

    /** Files in a Git folder whose change means HEAD, the index, refs, stashes or remotes may differ. */
    private static final List<String> GIT_FILES =
            List.of("HEAD", "index", "packed-refs", "FETCH_HEAD", "config", "logs/refs/stash", "refs/stash");

    /** Folders of a Git folder walked whole: one file per branch, local and remote-tracking. */
    private static final List<String> GIT_TREES = List.of("refs/heads", "refs/remotes");

    private final Set<String> skippedFolders;

    /** @param skippedFolders working-tree folder names left out (dependencies, build output) */
    public ChangeDetector(Set<String> skippedFolders) {
        this.skippedFolders = Set.copyOf(skippedFolders);
    }

    /**
     * @param clone a working tree or bare repository folder
     * @return its fingerprint; a clone whose files cannot be read still gets one (a missing file hashes as absent)
     */
    public Fingerprint fingerprint(Path clone) {
        return new Fingerprint(repositoryHash(clone), workingTreeHash(clone));
    }

    /** @return the hash of the Git files alone: cheap, a few dozen stat calls */
    public long repositoryHash(Path clone) {
        GitDirs dirs;
        try {
            dirs = GitDirs.of(clone).orElse(null);
        } catch (IOException e) {
            dirs = null;
        }
        if (dirs == null) {
            return statHash(clone.resolve(".git"), clone);
        }
        long hash = 0;
        for (String file : GIT_FILES) {
            // HEAD and index belong to a linked worktree itself; the rest is shared with its main repository.
            Path base = file.equals("HEAD") || file.equals("index") ? dirs.gitDir() : dirs.commonDir();
            hash += statHash(base.resolve(file), base);
        }
        for (String tree : GIT_TREES) {
            hash += treeHash(dirs.commonDir().resolve(tree), dirs.commonDir(), Set.of());
        }
        return hash;
    }

    /** @return the hash over every working-tree file and folder except {@code .git} and skipped folders; 0 when bare */
    public long workingTreeHash(Path clone) {
        if (!Files.exists(clone.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        return treeHash(clone, clone, skippedFolders);
    }

    private static long treeHash(Path top, Path base, Set<String> skipped) {
        long[] sum = {0};
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(top) && (name.equals(".git") || skipped.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    sum[0] += entryHash(base.relativize(dir), attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    sum[0] += entryHash(base.relativize(file), attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Vanished while walking, or unreadable: count it as such, the next fingerprint will differ or not.
                    sum[0] += mix(base.relativize(file).hashCode() * 31L + 7);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            return mix(top.hashCode());
        } catch (IOException e) {
            return mix(top.hashCode() + 1L);
        }
        return sum[0];
    }

    private static long statHash(Path file, Path base) {
        try {
            return entryHash(base.relativize(file), Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return mix(file.toString().hashCode()); // absent: stable, and different from present
        }
    }

    private static long entryHash(Path relative, BasicFileAttributes attrs) {
        long h = relative.toString().hashCode();
        h = h * 31 + attrs.size();
        h = h * 31 + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        h = h * 31 + Objects.hashCode(attrs.fileKey());
        return mix(h);
    }

    /** A 64-bit finaliser (from SplitMix64), so summed entries do not cancel out. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
