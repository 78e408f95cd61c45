package io.gitopsauditor.plugin.api.settings;

import io.gitopsauditor.plugin.api.PluginException;

/**
 * A stored secret cannot be decrypted: the secrets key it was stored under was lost or replaced
 * (or the stored value was damaged). The message names the secret and where the key is looked
 * for; setting the secret again stores it under the current key.
 *
 * @since 0.2
 */
public class SecretUnreadableException extends PluginException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which secret, and what to do
     */
    public SecretUnreadableException(String message) {
        super(message);
    }

    /**
     * @param message which secret, and what to do
     * @param cause   the underlying failure
     */
    public SecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
