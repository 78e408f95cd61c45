package io.gitopsauditor.plugin.api.jobs;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job is, before it starts: its kind and subject, and optionally a key (one job at a time
 * per key, see {@link Jobs}) and who started it. Immutable; each method returns a new request.
 *
 * <pre>{@code
 * JobRequest.of("audit.run", "All repositories").key("audit.run").startedBy("schedule")
 * }</pre>
 *
 * @since 0.2
 */
public final class JobRequest {
    private static final int MAX_TEXT = 200;

    private final String kind;
    private final String subject;
    private final String key;
    private final String startedBy;

    private JobRequest(String kind, String subject, String key, String startedBy) {
        this.kind = kind;
        this.subject = subject;
        this.key = key;
        this.startedBy = startedBy;
    }

    /**
     * @param kind    {@code <plugin-id>.<name>}, e.g. {@code audit.run}
     * @param subject what the job works on, for people
     * @return a request without key nor starter
     * @throws IllegalArgumentException when the kind or subject is blank or too long (200 characters)
     */
    public static JobRequest of(String kind, String subject) {
        return new JobRequest(text("kind", kind), text("subject", subject), null, null);
    }

    /**
     * @param key the exclusivity key, e.g. {@code audit.run}
     * @return this request with that key
     */
    public JobRequest key(String key) {
        return new JobRequest(kind, subject, text("key", key), startedBy);
    }

    /**
     * @param who a user name, {@code token:<name>}, or a word such as {@code schedule} or {@code watcher}
     * @return this request with that starter
     */
    public JobRequest startedBy(String who) {
        return new JobRequest(kind, subject, key, text("startedBy", who));
    }

    /**
     * Who called the REST resource that starts the job: the user's name for a browser session,
     * {@code token:<name>} for an API token.
     *
     * @param caller the request's security context (inject it with {@code @Context})
     * @return this request with that starter, or unchanged when there is no caller
     */
    public JobRequest startedBy(SecurityContext caller) {
        if (caller == null || caller.getUserPrincipal() == null) {
            return this;
        }
        String name = caller.getUserPrincipal().getName();
        return startedBy("BEARER".equals(caller.getAuthenticationScheme()) ? "token:" + name : name);
    }

    /**
     * @return the kind
     */
    public String kind() {
        return kind;
    }

    /**
     * @return the subject
     */
    public String subject() {
        return subject;
    }

    /**
     * @return the exclusivity key, if any
     */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /**
     * @return who started it, if said
     */
    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    private static String text(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a job's " + what + " must be 1 to " + MAX_TEXT + " characters, got '" + value + "'");
        }
        return value;
    }
}
