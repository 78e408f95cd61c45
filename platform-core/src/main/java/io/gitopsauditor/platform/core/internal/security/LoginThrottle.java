package io.gitopsauditor.platform.core.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins (and setup attempts) per client within a sliding minute. Past the limit the
 * client is told when to come back (429 with Retry-After). Memory is bounded: the least recently
 * seen clients are forgotten first.
 */
public final class LoginThrottle {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 10_000;

    private final int failuresPerWindow;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public LoginThrottle(int failuresPerWindow) {
        this.failuresPerWindow = failuresPerWindow;
    }

    /** How long the client must wait, if it is over the limit now. */
    public synchronized Optional<Duration> retryAfter(String client) {
        Deque<Instant> recent = prune(client);
        if (recent.size() < failuresPerWindow) {
            return Optional.empty();
        }
        Duration wait = Duration.between(Instant.now(), recent.peekFirst().plus(WINDOW));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    public synchronized void failed(String client) {
        prune(client).addLast(Instant.now());
    }

    public synchronized void succeeded(String client) {
        failures.remove(client);
    }

    private Deque<Instant> prune(String client) {
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        Instant cutoff = Instant.now().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
        return recent;
    }
}
