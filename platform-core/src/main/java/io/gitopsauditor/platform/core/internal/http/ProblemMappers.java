package io.gitopsauditor.platform.core.internal.http;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gitopsauditor.plugin.api.ProblemException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one family of exception mappers: everything that goes wrong in a request becomes
 * {@code application/problem+json}. Messages are written here, never copied from library
 * exceptions, so no stack trace, class name or reflection detail reaches a client.
 */
public final class ProblemMappers {
    private ProblemMappers() {
    }

    /** All mappers, for registration. */
    public static List<Object> all() {
        return List.of(new Plugin(), new JaxRs(), new Param(), new JsonBody(), new BodyEncoding(), new UnknownCharset(),
                new IllegalCharset(), new EmptyBody(), new Unexpected(), new InvalidSettings());
    }

    /** Invalid settings: a problem with an {@code errors} member, one per field, for the form to show by each input. */
    public static final class InvalidSettings
            implements ExceptionMapper<io.gitopsauditor.platform.core.internal.settings.InvalidSettingsException> {
        /**
         * @param errors field and message of each invalid value
         */
        public record Body(String type, String title, int status, String detail,
                           List<io.gitopsauditor.platform.core.internal.settings.InvalidSettingsException.FieldError> errors) {
        }

        @Override
        public Response toResponse(io.gitopsauditor.platform.core.internal.settings.InvalidSettingsException e) {
            return Response.status(400).type(Problem.MEDIA).entity(new Body("about:blank", e.title(), 400, e.getMessage(), e.errors()))
                    .build();
        }
    }

    /** A plugin said what went wrong. */
    public static final class Plugin implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return Problem.of(e.status(), e.title(), e.getMessage()).toResponse();
        }
    }

    /** JAX-RS errors: no route (404), wrong method (405), wrong media type (415), and those plugins throw. */
    public static final class JaxRs implements ExceptionMapper<WebApplicationException> {
        @Context
        private UriInfo uri;

        public JaxRs() {
        }

        JaxRs(UriInfo uri) {
            this.uri = uri;
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error" : type.getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "There is nothing at " + path() + ".";
                case 405 -> "This method is not allowed at " + path() + "; allowed: "
                        + (e instanceof NotAllowedException ? String.join(", ", original.getAllowedMethods()) : "see the API reference")
                        + ".";
                case 406 -> "The requested media type is not available here; accept application/json.";
                case 415 -> "The request body's media type is not supported here; send application/json.";
                default -> customMessage(e).orElse(title + ".");
            };
            Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA).entity(Problem.of(status, title, detail));
            original.getHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("Retry-After") || name.equalsIgnoreCase("WWW-Authenticate")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
            return response.build();
        }

        private String path() {
            return uri == null ? "this path" : "/api/" + uri.getPath().replaceFirst("^/", "");
        }

        /** A plugin's own message; Jersey's generic ones ("HTTP 400 Bad Request") are replaced. */
        private static java.util.Optional<String> customMessage(WebApplicationException e) {
            String message = e.getMessage();
            if (message == null || message.startsWith("HTTP ") || e.getCause() != null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(message);
        }
    }

    /**
     * A query, header, cookie or form parameter that does not convert to its declared type. JAX-RS
     * answers 404 for these, which tells a user the route does not exist; it does, the value is wrong.
     */
    public static final class Param implements ExceptionMapper<ParamException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(ParamException e) {
            if (e instanceof ParamException.PathParamException || e instanceof ParamException.MatrixParamException) {
                return new JaxRs(uri).toResponse(e);
            }
            String kind = e.getParameterType().getSimpleName().replace("Param", "").toLowerCase(java.util.Locale.ROOT);
            return Problem.of(400, "Invalid input", "The " + kind + " parameter '" + e.getParameterName()
                    + "' has a value of the wrong type.").toResponse();
        }
    }

    /** A JSON body that does not parse or does not fit the expected shape. */
    public static final class JsonBody implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof InvalidDefinitionException || e instanceof JsonGenerationException) {
                // Not the client's fault: a type Jackson cannot handle, or a response that cannot be written.
                return new Unexpected().toResponse(e);
            }
            return Problem.of(400, "Invalid JSON", describe(e)).toResponse();
        }

        static String describe(JsonProcessingException e) {
            if (e instanceof StreamConstraintsException) {
                return "The JSON body is too large or too deeply nested.";
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (e instanceof JsonParseException && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field ")) {
                return "The request body has the same field twice in one object" + where + ".";
            }
            if (e instanceof JsonParseException) {
                return "The request body is not well-formed JSON" + where + ".";
            }
            if (e instanceof UnrecognizedPropertyException unknown) {
                return "Unknown field '" + unknown.getPropertyName() + "'" + inField(unknown) + ".";
            }
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return "Field '" + fieldPath(mapping) + "' is missing or has the wrong type" + where + ".";
            }
            return "The JSON body does not have the expected shape" + where + ".";
        }

        private static String inField(JsonMappingException e) {
            List<JsonMappingException.Reference> path = e.getPath();
            return path.size() <= 1 ? "" : " in '" + fieldPath(e).replaceFirst("\\.?[^.\\[]*$", "") + "'";
        }

        private static String fieldPath(JsonMappingException e) {
            return e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }
    }

    /**
     * A body whose bytes do not decode in the encoding the JSON parser detected from its first bytes:
     * UTF-32 with code points past U+10FFFF or a partial last character, or an odd UCS-4 byte order.
     * Jackson reports these as {@link java.io.CharConversionException}, not as a parse error, so
     * without this they were a 500. Only decoding a request throws it; Jackson's writers do not.
     */
    public static final class BodyEncoding implements ExceptionMapper<java.io.CharConversionException> {
        @Override
        public Response toResponse(java.io.CharConversionException e) {
            return Problem.of(400, "Invalid JSON", "The request body is not text in an encoding JSON allows; send it as UTF-8.")
                    .toResponse();
        }
    }

    /** A request body in a charset this Java runtime does not have ({@code Content-Type: text/plain; charset=nonsense}). */
    public static final class UnknownCharset implements ExceptionMapper<java.nio.charset.UnsupportedCharsetException> {
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(java.nio.charset.UnsupportedCharsetException e) {
            return charsetProblem(headers, e.getCharsetName(), e);
        }
    }

    /** A request body in a charset whose name is not even legal ({@code Content-Type: text/plain; charset=@@}). */
    public static final class IllegalCharset implements ExceptionMapper<java.nio.charset.IllegalCharsetNameException> {
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(java.nio.charset.IllegalCharsetNameException e) {
            return charsetProblem(headers, e.getCharsetName(), e);
        }
    }

    /**
     * 415 when the charset that failed is the one the request's Content-Type named (Jersey decodes a
     * text body with it); anything else that fails to find a charset is the server's bug.
     */
    private static Response charsetProblem(HttpHeaders headers, String charset, RuntimeException e) {
        String declared;
        try {
            MediaType type = headers == null ? null : headers.getMediaType();
            declared = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (RuntimeException unparseable) {
            declared = null;
        }
        if (declared == null || charset == null || !declared.strip().equalsIgnoreCase(charset.strip())) {
            return new Unexpected().toResponse(e);
        }
        return Problem.of(415, "Unsupported Media Type", "The request body's charset is not supported here; send UTF-8.").toResponse();
    }

    /** A route that needs a body was sent none. */
    public static final class EmptyBody implements ExceptionMapper<NoContentException> {
        @Override
        public Response toResponse(NoContentException e) {
            return Problem.of(400, "Invalid input", "The request body is empty; this route expects JSON.").toResponse();
        }
    }

    /** Anything else is a bug: logged in full under a random id that the client is given. */
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.eclipse.jetty.http.HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                    // Jetty refused the request itself while Jersey read it (body sizes are settled before, in ChunkedBodyLimit).
                    int code = http.getCode();
                    return Problem.of(code, org.eclipse.jetty.http.HttpStatus.getMessage(code),
                            code == 413 ? "The request body is too large." : "The request is malformed.").toResponse();
                }
            }
            String id = UUID.randomUUID().toString();
            LOG.error("unexpected error {}", id, e);
            return new Problem("about:blank", "Internal Server Error", 500,
                    "Something went wrong on the server. It was logged with error id " + id + ".", id).toResponse();
        }
    }
}
