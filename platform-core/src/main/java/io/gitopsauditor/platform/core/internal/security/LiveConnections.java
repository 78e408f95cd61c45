package io.gitopsauditor.platform.core.internal.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open WebSocket connections by the credential that opened them, so that ending a credential
 * (logout, a revoked token, a password reset, from the API or from the CLI in another process)
 * closes its connections within seconds. It also caps how many connections one credential may hold
 * open: each costs a thread's worth of buffers and an outgoing queue, and nothing else bounded them.
 */
public final class LiveConnections {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConnections.class);

    private final Map<Principal, Set<Consumer<String>>> byCaller = new ConcurrentHashMap<>();
    private final int maxPerCredential;

    /** @param maxPerCredential {@code websocket.max-connections-per-credential} */
    public LiveConnections(int maxPerCredential) {
        this.maxPerCredential = maxPerCredential;
    }

    public int maxPerCredential() {
        return maxPerCredential;
    }

    /** Whether the caller's credential already holds as many connections as it may. */
    public synchronized boolean full(Principal caller) {
        return byCaller.entrySet().stream().filter(e -> e.getKey().credentialId().equals(caller.credentialId()))
                .mapToInt(e -> e.getValue().size()).sum() >= maxPerCredential;
    }

    /**
     * Registers a connection unless its credential is {@link #full}; {@code close} ends it with the given
     * reason. The gate refuses handshakes past the cap already; this catches those that raced it.
     *
     * @return false when the connection was not registered and must be closed
     */
    public synchronized boolean opened(Principal caller, Consumer<String> close) {
        if (full(caller)) {
            return false;
        }
        byCaller.computeIfAbsent(caller, c -> ConcurrentHashMap.newKeySet()).add(close);
        return true;
    }

    public void closed(Principal caller, Consumer<String> close) {
        byCaller.computeIfPresent(caller, (c, set) -> {
            set.remove(close);
            return set.isEmpty() ? null : set;
        });
    }

    /** Closes every connection of a credential now. */
    public void end(String credentialId, String reason) {
        for (Principal caller : List.copyOf(byCaller.keySet())) {
            if (caller.credentialId().equals(credentialId)) {
                Set<Consumer<String>> connections = byCaller.remove(caller);
                if (connections != null) {
                    connections.forEach(close -> close.accept(reason));
                }
            }
        }
    }

    /** Closes connections whose credential no longer holds; run every few seconds. */
    public void sweep(SecurityStore store) {
        for (Principal caller : List.copyOf(byCaller.keySet())) {
            try {
                if (!store.stillValid(caller)) {
                    end(caller.credentialId(), "credentials revoked or expired");
                }
            } catch (RuntimeException e) {
                LOG.warn("could not check the credentials of open WebSocket connections: {}", e.getMessage());
                return;
            }
        }
    }
}
