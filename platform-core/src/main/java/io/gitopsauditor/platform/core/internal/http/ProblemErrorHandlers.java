package io.gitopsauditor.platform.core.internal.http;

import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (outside Jersey: unknown paths, malformed requests, oversized
 * headers) are written as problem+json too, with fixed wording, never Jetty's HTML page or the
 * exception message.
 */
final class ProblemErrorHandlers {
    private ProblemErrorHandlers() {
    }

    /** For the server, before any context is chosen. */
    static final class ForServer extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) {
            return writeProblem(request, response, callback, code);
        }
    }

    /** For the servlet context (resource servlets, WebSocket upgrades, sendError). */
    static final class ForContext extends org.eclipse.jetty.ee11.servlet.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) {
            return writeProblem(request, response, callback, code);
        }
    }

    static boolean writeProblem(Request request, Response response, Callback callback, int code) {
        String title = HttpStatus.getMessage(code);
        String detail = switch (code) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at " + Request.getPathInContext(request) + ".";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            default -> code >= 500 ? "Something went wrong on the server." : title + ".";
        };
        return ProblemResponses.write(response, callback, code, detail);
    }
}
