package io.gitopsauditor.plugin.api.git;

import io.gitopsauditor.plugin.api.PluginException;

/**
 * The platform refused a git operation for safety; the message says why and which setting would
 * allow it, in words fit for a user.
 *
 * @since 0.2
 */
public class GitRefusedException extends PluginException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why, and what would allow it
     */
    public GitRefusedException(String message) {
        super(message);
    }
}
