package io.gitopsauditor.plugin.api.inventory;

import java.io.Serial;

/**
 * A source could not be listed at all: its server is unreachable, refused the credentials,
 * is rate-limited or answered nonsense. The inventory then marks the source
 * {@linkplain SourceStatus.State#UNAVAILABLE unavailable}, and no repository is called missing or
 * extra because of it. The message is shown to users: say what happened and what to do, and
 * never include a credential.
 *
 * @since 0.1
 */
public class SourceUnavailableException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, for people
     */
    public SourceUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what happened, for people
     * @param cause   the underlying failure (its message must not be shown if it may hold a credential)
     */
    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
