package io.gitopsauditor.platform.core.internal.db;

/** The database could not be opened, or a migration could not be applied; the message says which and why. */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
