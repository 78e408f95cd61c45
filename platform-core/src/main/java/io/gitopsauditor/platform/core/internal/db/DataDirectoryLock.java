package io.gitopsauditor.platform.core.internal.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held while a server runs or a migration or restore
 * works on it, so two servers never share one database and a restore never replaces the file
 * under a running server. The operating system releases it if the process dies.
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = "gitops-auditor.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws DatabaseException when another process (or this one) already holds it
     */
    public static DataDirectoryLock acquire(Path dataDir, String purpose) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(dataDir, purpose);
            }
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(dataDir, purpose);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseException("cannot lock data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static DatabaseException inUse(Path dataDir, String purpose) {
        return new DatabaseException("data directory " + dataDir + " is in use by another GitOps Auditor process (a running"
                + " server, or a migrate or restore); stop it before you " + purpose);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }
}
