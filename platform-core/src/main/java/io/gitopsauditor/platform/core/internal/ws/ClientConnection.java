package io.gitopsauditor.platform.core.internal.ws;

import io.gitopsauditor.platform.core.internal.events.EventSink;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket client's outgoing side: a bounded queue with one write in flight at a time. A
 * client that lets the queue fill up is disconnected with 1013 (try again later); it reconnects
 * and resumes with {@code since}, so a slow client costs bounded memory and loses nothing it can
 * still fetch.
 */
final class ClientConnection implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final Session session;
    private final int capacity;
    /**
     * Where writes start: never on the publisher's thread, which holds the channel's lock while it
     * hands one event to every client. Writing there made one publish cost a socket write per
     * client (25 ms for 1,000 clients), so a channel could carry only about 40 events a second.
     */
    private static final Executor WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean scheduled;
    private boolean insideSend;
    private boolean closed;

    ClientConnection(Session session, int capacity) {
        this.session = session;
        this.capacity = capacity;
    }

    @Override
    public synchronized void send(String frame) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity) {
            disconnect(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "too slow: " + capacity + " messages queued; reconnect and resume with since"));
            return;
        }
        queue.addLast(frame);
        if (!sending && !scheduled) {
            scheduled = true;
            WRITERS.execute(this::drain);
        }
    }

    private synchronized void drain() {
        scheduled = false;
        pump();
    }

    /** Starts writes until one is in flight; a write that completes at once lets the loop go on. */
    private void pump() {
        while (!sending && !closed && !queue.isEmpty()) {
            sending = true;
            insideSend = true;
            try {
                session.getAsyncRemote().sendText(queue.pollFirst(), this::sent);
            } catch (RuntimeException e) {
                disconnect(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "write failed"));
            } finally {
                insideSend = false;
            }
        }
    }

    private synchronized void sent(SendResult result) {
        sending = false;
        if (!result.isOK()) {
            LOG.debug("websocket {}: write failed: {}", session.getId(), result.getException() == null ? "" : result.getException().getMessage());
            disconnect(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "write failed or timed out"));
            return;
        }
        if (!insideSend) {
            pump();
        }
    }

    synchronized void markClosed() {
        closed = true;
        queue.clear();
    }

    private void disconnect(CloseReason reason) {
        if (closed) {
            return;
        }
        markClosed();
        // Never close on the publisher's thread, which holds a channel lock.
        Sessions.closeAsync(session, reason);
    }
}
