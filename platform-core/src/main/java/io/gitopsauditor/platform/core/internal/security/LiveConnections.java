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
 * closes its connections within seconds.
 */
public final class LiveConnections {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConnections.class);

    private final Map<Principal, Set<Consumer<String>>> byCaller = new ConcurrentHashMap<>();

    /** Registers a connection; {@code close} ends it with the given reason. */
    public void opened(Principal caller, Consumer<String> close) {
        byCaller.computeIfAbsent(caller, c -> ConcurrentHashMap.newKeySet()).add(close);
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
