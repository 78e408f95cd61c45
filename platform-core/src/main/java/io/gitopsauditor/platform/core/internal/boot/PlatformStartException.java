package io.gitopsauditor.platform.core.internal.boot;

/** The platform cannot start; the message says what to fix. */
public final class PlatformStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlatformStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
