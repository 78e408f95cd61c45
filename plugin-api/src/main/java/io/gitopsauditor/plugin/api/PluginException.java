package io.gitopsauditor.plugin.api;

/**
 * Base of the exceptions this API throws. Unchecked; messages start with the plugin id where
 * there is one.
 *
 * @since 0.1
 */
public class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public PluginException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
