package io.gitopsauditor.plugin.api;

import java.io.Serial;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request to GitHub failed, with the reason in words for the person reading it, e.g.
 * "GitHub rate limit reached; resets at 14:05 UTC (...)", "GitHub refused the token (401): check
 * github.token", "GitHub at https://api.github.com did not answer within 10 s". Made by
 * {@link GitHubConnection#call} and {@link GitHubConnection#explain}; the message never contains
 * the token.
 *
 * <p>Thrown from a REST resource it becomes a {@code 503} problem+json whose detail is the
 * reason. A plugin that can say more (which owner, which repository) looks at {@link #reason()}
 * and words its own message.
 *
 * @since 0.2
 */
public final class GitHubUnavailableException extends ProblemException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why GitHub could not be used. */
    public enum Reason {
        /** The hourly rate limit is used up; see {@link #resetAt()}. */
        RATE_LIMITED,
        /** The secondary ("abuse") limit: too many requests at once. */
        SECONDARY_RATE_LIMITED,
        /** 401 without a token: this needs {@code github.token}. */
        TOKEN_REQUIRED,
        /** 401 with a token: the token is wrong, expired or revoked. */
        TOKEN_REFUSED,
        /** 403 for another reason than a rate limit (scopes, SSO, IP allow list ...). */
        FORBIDDEN,
        /** 404: no such thing, or the token may not see it. */
        NOT_FOUND,
        /** Another 4xx answer. */
        REFUSED,
        /** A 5xx answer: GitHub's trouble, worth trying again later. */
        SERVER_ERROR,
        /** No connection or no complete answer within the configured timeout. */
        TIMEOUT,
        /** The connection was refused or the host is unknown. */
        UNREACHABLE,
        /** An answer that is not the JSON of GitHub's API (a proxy's page, a cut-off body). */
        BAD_ANSWER,
        /** Anything else; the cause is in the server log. */
        UNEXPECTED
    }

    private final Reason reason;
    private final int githubStatus;
    private final transient Instant resetAt;
    private final String githubMessage;

    /**
     * @param reason        why
     * @param message       the reason in words, without the token
     * @param githubStatus  the HTTP status GitHub answered, or 0 when it did not answer
     * @param resetAt       when the rate limit resets, or {@code null}
     * @param githubMessage GitHub's own {@code message} from the error body, or {@code null}
     * @param cause         the underlying failure, for the server log
     */
    public GitHubUnavailableException(Reason reason, String message, int githubStatus, Instant resetAt,
                                      String githubMessage, Throwable cause) {
        super(503, "GitHub unavailable", message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.githubStatus = githubStatus;
        this.resetAt = resetAt;
        this.githubMessage = githubMessage;
    }

    /**
     * @return why GitHub could not be used
     */
    public Reason reason() {
        return reason;
    }

    /**
     * @return the HTTP status GitHub answered, if it answered at all
     */
    public OptionalInt githubStatus() {
        return githubStatus > 0 ? OptionalInt.of(githubStatus) : OptionalInt.empty();
    }

    /**
     * @return when the hourly rate limit resets, for {@link Reason#RATE_LIMITED} when GitHub said
     */
    public Optional<Instant> resetAt() {
        return Optional.ofNullable(resetAt);
    }

    /**
     * @return GitHub's own explanation from its error body (shortened, without the token), if any
     */
    public Optional<String> githubMessage() {
        return Optional.ofNullable(githubMessage);
    }
}
