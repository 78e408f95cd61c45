package io.gitopsauditor.platform.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a problem+json answer from a Jetty handler, outside Jersey. */
public final class ProblemResponses {
    private static final ObjectMapper JSON = Json.mapper();

    private ProblemResponses() {
    }

    public static boolean write(Response response, Callback callback, int status, String detail) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Problem.of(status, HttpStatus.getMessage(status), detail));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return true;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
