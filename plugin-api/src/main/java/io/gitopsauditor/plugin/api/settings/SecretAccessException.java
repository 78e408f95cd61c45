package io.gitopsauditor.plugin.api.settings;

import io.gitopsauditor.plugin.api.PluginException;

/**
 * A plugin asked for a secret it may not read: another plugin's, or a platform secret other
 * than {@code github.token}. The message names the plugin and the secret (never its value).
 *
 * @since 0.2
 */
public class SecretAccessException extends PluginException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which plugin asked for which secret
     */
    public SecretAccessException(String message) {
        super(message);
    }
}
