package io.gitopsauditor.platform.core.internal.events;

/**
 * Where the hub delivers frames for one WebSocket client. {@link #send} must never block: a sink
 * buffers up to its limit and disconnects its client when the limit is reached.
 */
public interface EventSink {
    /** Queues one JSON frame for the client. */
    void send(String frame);
}
