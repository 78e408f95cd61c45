package io.gitopsauditor.platform.core.internal.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only permissions for the data directory and what it holds: the database (session CSRF
 * tokens, token fingerprints, password hashes), its WAL, its backups and the setup secret. Under
 * systemd the unit's {@code UMask=0077} does this already; started any other way the umask is
 * usually 022, which made the folder 0755 and the database and backups 0644. Folders are 0700 and
 * files 0600 whatever the umask. On a file system without POSIX permissions this does nothing.
 */
public final class PrivateFiles {
    /** Where plugins' own folders live, {@code <data-dir>/plugin-data/<id>}. */
    public static final String PLUGIN_DATA = "plugin-data";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates a folder (and missing parents) owner-only; an existing one is left as it is.
     *
     * @return the folder
     */
    public static Path folder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            folder(parent);
        }
        try {
            Files.createDirectory(folder, POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)}
                    : new FileAttribute<?>[0]);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // Another thread or process made it meanwhile: fine.
        }
        return folder;
    }

    /** Creates an empty owner-only file, for a program (SQLite) that would create it with the umask's permissions. */
    public static void emptyFile(Path file) throws IOException {
        Files.createFile(file, POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0]);
    }

    /** Makes an existing file owner-only. */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /**
     * Creates the data directory, its {@code plugin-data} and {@code backups} folders owner-only,
     * and tightens anything there that others may read: those folders, the database and its
     * {@code -wal}/{@code -shm}, every backup and the setup secret. A handful of stat calls.
     *
     * @return what was tightened (empty when all was private already), for one log line
     */
    public static List<Path> secureDataDirectory(Path dataDir, List<String> privateFileNames) throws IOException {
        folder(dataDir);
        folder(dataDir.resolve(PLUGIN_DATA));
        folder(dataDir.resolve(Backups.FOLDER));
        List<Path> tightened = new ArrayList<>();
        if (!POSIX) {
            return tightened;
        }
        for (Path folder : List.of(dataDir, dataDir.resolve(PLUGIN_DATA), dataDir.resolve(Backups.FOLDER))) {
            tighten(folder, FOLDER, tightened);
        }
        for (String name : privateFileNames) {
            tighten(dataDir.resolve(name), FILE, tightened);
        }
        try (Stream<Path> backups = Files.list(dataDir.resolve(Backups.FOLDER))) {
            for (Path backup : backups.filter(Files::isRegularFile).toList()) {
                tighten(backup, FILE, tightened);
            }
        }
        return tightened;
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted, List<Path> tightened) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (now.stream().anyMatch(p -> !wanted.contains(p))) {
            Set<PosixFilePermission> kept = java.util.EnumSet.copyOf(wanted);
            kept.retainAll(now); // only take rights away, never add any
            Files.setPosixFilePermissions(path, kept);
            tightened.add(path);
        }
    }
}
