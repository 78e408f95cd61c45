package io.gitopsauditor.platform.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for tests (the JDK's own): sends JSON, collects every message received. */
public final class WebSocketProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WebSocketProbe(HttpClient client, URI uri, java.util.Map<String, String> headers) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(partial.toString()));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        }).join();
    }

    /** Connects with these handshake headers; the handshake's failure is thrown (a {@code CompletionException}). */
    public static WebSocketProbe connect(HttpClient client, URI uri, java.util.Map<String, String> headers) {
        return new WebSocketProbe(client, uri, headers);
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next message, waiting up to 10 s. */
    public JsonNode next() throws InterruptedException {
        JsonNode message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no WebSocket message within 10 s");
        }
        return message;
    }

    /** The next message, or {@code null} once the connection has closed; waits up to 10 s for either. */
    public JsonNode nextUnlessClosed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode message = received.poll(20, TimeUnit.MILLISECONDS);
            if (message != null) {
                return message;
            }
            if (closed.isDone()) {
                return null;
            }
        }
        throw new AssertionError("neither a WebSocket message nor a close within 10 s");
    }

    /** Skips messages until one of the given type arrives. */
    public JsonNode next(String type) throws InterruptedException {
        while (true) {
            JsonNode message = next();
            if (message.path("type").asText().equals(type)) {
                return message;
            }
        }
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
