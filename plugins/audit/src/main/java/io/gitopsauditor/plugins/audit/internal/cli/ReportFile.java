package io.gitopsauditor.plugins.audit.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the report where {@code --output} says, the way a user expects any tool to: a reader of
 * a regular file never sees half a report (it is written beside the file, then renamed over it),
 * and whatever else is at that path stays what it is. {@code /dev/null}, a FIFO or a terminal is
 * written to, not replaced (a root cron job with {@code --output /dev/null} must not turn the
 * system's {@code /dev/null} into a file); a symbolic link keeps pointing where it did and its
 * target gets the report; a file with other hard links is written in place so they all see it.
 * An existing file keeps its permissions (and its owner, when this process may set it); a new file
 * gets the mode the umask gives, like a shell redirection.
 */
final class ReportFile {

    private ReportFile() {
    }

    /**
     * @param target  where the report goes; relative paths are already resolved
     * @param content the report
     * @throws IOException when it cannot be written; nothing at {@code target} was replaced
     */
    static void write(Path target, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !replaceable(target))) {
            writeThrough(target, bytes);
            return;
        }
        Path folder = target.toAbsolutePath().getParent();
        Path temporary;
        try {
            temporary = createBeside(folder, target.getFileName().toString());
        } catch (AccessDeniedException e) {
            // The folder may not be written, but the file may (a report file prepared by an admin): write it in place.
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.isWritable(target)) {
                writeThrough(target, bytes);
                return;
            }
            throw e;
        }
        try {
            Files.write(temporary, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                keepAttributes(target, temporary);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A regular file with no other hard link can be swapped for a new one; anything else must be written to. */
    private static boolean replaceable(Path target) throws IOException {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return ((Number) Files.getAttribute(target, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() <= 1;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }

    private static void writeThrough(Path target, byte[] bytes) throws IOException {
        // Follows a symbolic link (creating its target when it dangles) and truncates only what it opened.
        Files.write(target, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /**
     * A new, empty file next to the target. Not {@link Files#createTempFile}: that creates it 0600, and
     * the report would then be private whatever the umask says; created plainly, it gets the umask's mode.
     */
    private static Path createBeside(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** The replaced file's permissions, owner and group go to its replacement. */
    private static void keepAttributes(Path existing, Path replacement) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(existing, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        PosixFileAttributes attributes = view.readAttributes();
        Files.setPosixFilePermissions(replacement, attributes.permissions());
        PosixFileAttributeView target = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        try {
            if (!Files.getOwner(replacement).equals(attributes.owner())) {
                target.setOwner(attributes.owner());
            }
            target.setGroup(attributes.group());
        } catch (IOException e) {
            // Only root may give a file away: an ordinary user's report is theirs already.
        }
    }
}
