package io.gitopsauditor.plugin.api;

/**
 * A configuration value is missing or malformed. The message names the full key.
 *
 * @since 0.1
 */
public class PluginConfigException extends PluginException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which key, what was wrong, what is expected
     */
    public PluginConfigException(String message) {
        super(message);
    }
}
