package io.gitopsauditor.platform.core.internal.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers, for a short time, which caller a presented token or session cookie belongs to, so
 * that a busy client does not cost a database lookup per request (it halved throughput). The key
 * is the credential's SHA-256, never the credential. Changes made through this server clear it at
 * once; a revocation made elsewhere (the CLI) takes effect within {@link #TTL}, the same window
 * as the WebSocket credential sweep. Bounded: the least recently used entries go first.
 */
final class CredentialCache {
    static final Duration TTL = Duration.ofSeconds(2);
    private static final int MAX_ENTRIES = 10_000;

    private record Cached(Principal principal, long expiresAtNanos) {
    }

    private final Map<String, Cached> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The cached caller for this credential, else looks it up and remembers a found one. */
    Optional<Principal> get(String credential, Supplier<Optional<Principal>> lookup) {
        String key = Secrets.sha256(credential);
        long now = System.nanoTime();
        synchronized (this) {
            Cached entry = entries.get(key);
            if (entry != null && entry.expiresAtNanos() - now > 0) {
                return Optional.of(entry.principal());
            }
        }
        Optional<Principal> found = lookup.get();
        synchronized (this) {
            found.ifPresentOrElse(p -> entries.put(key, new Cached(p, now + TTL.toNanos())), () -> entries.remove(key));
        }
        return found;
    }

    /** Forgets everything: after a logout, a revocation or a password change through this server. */
    synchronized void clear() {
        entries.clear();
    }
}
