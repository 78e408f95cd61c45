package io.gitopsauditor.platform.core.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client that never reads: its queue stays bounded and it is disconnected with 1013. */
class ClientConnectionTest {

    @Test
    void slowClientIsDisconnectedWhenItsQueueIsFullInsteadOfGrowingMemory() throws Exception {
        List<SendHandler> inFlight = new CopyOnWriteArrayList<>();
        CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        inFlight.add((SendHandler) args[1]); // never completes: the client does not read
                    }
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "getId" -> "test";
                    case "close" -> {
                        closed.complete(args == null ? null : (CloseReason) args[0]);
                        yield null;
                    }
                    default -> null;
                });
        ClientConnection connection = new ClientConnection(session, 4);
        for (int i = 0; i < 1000; i++) {
            connection.send("{\"n\":" + i + "}");
        }
        CloseReason reason = closed.get(5, TimeUnit.SECONDS);
        assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
        assertThat(reason.getReasonPhrase()).contains("too slow");
        // Writes start off the publisher's thread: the queue may fill before the first one starts.
        assertThat(inFlight).as("never more than one write in flight").hasSizeLessThanOrEqualTo(1);
    }
}
