package io.gitopsauditor.plugin.api;

/**
 * An error to report to the REST client. The kernel answers it as RFC 9457
 * {@code application/problem+json} with this status, title and detail; plugins never build
 * error responses by hand. The detail is shown to users: say what was wrong and how to fix it,
 * and never put secrets in it.
 *
 * <pre>{@code
 * throw ProblemException.notFound("No greeting with id " + id);
 * }</pre>
 *
 * @since 0.1
 */
public class ProblemException extends PluginException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, 400 to 599. */
    private final int status;
    /** The short, fixed summary of the problem type. */
    private final String title;

    /**
     * @param status an HTTP status from 400 to 599
     * @param title  a short, fixed summary of the problem type, e.g. {@code Not Found}
     * @param detail what went wrong in this occurrence
     */
    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    /**
     * @param status an HTTP status from 400 to 599
     * @param title  a short, fixed summary of the problem type, e.g. {@code Not Found}
     * @param detail what went wrong in this occurrence
     * @param cause  the underlying failure, for the server log (never shown to the client)
     * @since 0.2
     */
    public ProblemException(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 4xx or 5xx, got " + status);
        }
        this.status = status;
        this.title = title;
    }

    /**
     * @param detail what was wrong with the input
     * @return a 400 Bad Request problem
     */
    public static ProblemException invalidInput(String detail) {
        return new ProblemException(400, "Invalid input", detail);
    }

    /**
     * @param detail what was not found
     * @return a 404 Not Found problem
     */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    /**
     * @param detail what conflicts with what
     * @return a 409 Conflict problem
     */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /**
     * @return the HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * @return the problem title
     */
    public String title() {
        return title;
    }
}
