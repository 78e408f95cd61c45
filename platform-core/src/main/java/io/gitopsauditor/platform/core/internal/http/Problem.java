package io.gitopsauditor.platform.core.internal.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail, the body of every error the API returns.
 *
 * @param type    {@code about:blank}: the status and title say what kind of problem it is
 * @param title   the status's short summary
 * @param status  the HTTP status
 * @param detail  what went wrong in this occurrence, in words a user can act on
 * @param errorId for unexpected errors: the id under which the details were logged
 */
public record Problem(String type, String title, int status, String detail, String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
