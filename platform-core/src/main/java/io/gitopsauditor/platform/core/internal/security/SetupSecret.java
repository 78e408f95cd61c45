package io.gitopsauditor.platform.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The one-time secret that lets the first visitor create the admin account. It lives in a file
 * only the service user can read (0600) and is deleted once the admin exists. There are no
 * default credentials: without this file's content nobody can set the server up.
 */
public final class SetupSecret {
    public static final String FILE_NAME = "setup-secret";

    private final Path file;

    public SetupSecret(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Creates the secret file if setup is still needed; removes a stale one otherwise. Returns the file while setup is needed. */
    public Optional<Path> prepare(boolean setupNeeded) {
        try {
            if (!setupNeeded) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file); // not a POSIX file system: rely on the data directory's permissions
                } catch (FileAlreadyExistsException e) {
                    return Optional.of(file);
                }
                Files.writeString(file, Secrets.random("gss_") + "\n", StandardCharsets.UTF_8);
            }
            return Optional.of(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the setup secret to " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean matches(String given) {
        try {
            return Files.exists(file) && Secrets.constantTimeEquals(Files.readString(file, StandardCharsets.UTF_8).strip(), given);
        } catch (IOException e) {
            return false;
        }
    }

    public void consume() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the used setup secret " + file + ": " + e.getMessage(), e);
        }
    }
}
