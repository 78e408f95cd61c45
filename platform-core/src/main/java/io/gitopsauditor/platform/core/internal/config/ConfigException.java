package io.gitopsauditor.platform.core.internal.config;

/** A configuration value is missing, malformed or out of range; the message names the key and its source. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
