package io.gitopsauditor.platform.core.internal.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing a WebSocket session writes a frame and may wait: done on a virtual thread, never on the caller's. */
final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private Sessions() {
    }

    static void closeAsync(Session session, CloseReason reason) {
        Thread.ofVirtual().name("ws-close").start(() -> {
            try {
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.debug("websocket {}: close failed: {}", session.getId(), e.getMessage());
            }
        });
    }
}
