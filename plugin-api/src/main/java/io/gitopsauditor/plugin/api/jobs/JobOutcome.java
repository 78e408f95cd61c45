package io.gitopsauditor.plugin.api.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * How a job ended, in words for the user, with an optional link into the dashboard where the
 * result is (e.g. {@code /audit/runs/12}).
 *
 * @since 0.2
 */
public final class JobOutcome {
    private final String message;
    private final String link;

    private JobOutcome(String message, String link) {
        this.message = Objects.requireNonNull(message, "message");
        if (link != null && !link.startsWith("/")) {
            throw new IllegalArgumentException("a job's link is a dashboard path starting with '/', got '" + link + "'");
        }
        this.link = link;
    }

    /**
     * @param message e.g. {@code Audit #12: 3 at risk}
     * @return an outcome without a link
     */
    public static JobOutcome of(String message) {
        return new JobOutcome(message, null);
    }

    /**
     * @param message e.g. {@code Audit #12: 3 at risk}
     * @param link    a dashboard path, e.g. {@code /audit/runs/12}
     * @return an outcome with a link
     * @throws IllegalArgumentException when the link is not a path starting with {@code /}
     */
    public static JobOutcome of(String message, String link) {
        return new JobOutcome(message, Objects.requireNonNull(link, "link"));
    }

    /**
     * @return the message shown to users
     */
    public String message() {
        return message;
    }

    /**
     * @return the dashboard path of the result, if any
     */
    public Optional<String> link() {
        return Optional.ofNullable(link);
    }
}
