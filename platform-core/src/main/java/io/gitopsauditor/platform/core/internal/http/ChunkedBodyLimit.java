package io.gitopsauditor.platform.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives a chunked body (no {@code Content-Length}) the same answer as a sized one when it is over
 * {@code server.max-request-size}: 413. A sized body is refused before any reading; a chunked one
 * used to reach the JSON parser, which stopped at its own limits first (a 1.1 MiB string is past
 * Jackson's longest string) and answered 400. So a chunked body is read here first, up to the limit,
 * and handed on from memory; the limit bounds what is held.
 */
final class ChunkedBodyLimit extends Handler.Wrapper {
    private final int maxRequestSize;

    ChunkedBodyLimit(int maxRequestSize, Handler next) {
        super(next);
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() >= 0 || !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return super.handle(request, response, callback);
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(maxRequestSize + 1);
        } catch (IOException e) {
            return ProblemResponses.write(response, callback, 400, "The request is malformed.");
        }
        if (body.length > maxRequestSize) {
            return ProblemResponses.write(response, callback, 413, "The request body is too large.");
        }
        Content.Source buffered = new ByteBufferContentSource(ByteBuffer.wrap(body));
        return super.handle(new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                return buffered.read();
            }

            @Override
            public void demand(Runnable demandCallback) {
                buffered.demand(demandCallback);
            }

            @Override
            public void fail(Throwable failure) {
                buffered.fail(failure);
            }
        }, response, callback);
    }
}
