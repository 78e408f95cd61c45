package io.gitopsauditor.platform.core.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password checks (logins, setup and password-change attempts) per client within a sliding
 * minute. Each attempt is counted <em>before</em> its password is checked: counting only the
 * failures, after the slow hash, let 40 concurrent guesses through a limit of 5 because none of
 * them had failed yet when the others were let in. A success forgets the client's attempts. Past
 * the limit the client is told when to come back (429 with Retry-After). Memory is bounded: the
 * least recently seen clients are forgotten first.
 */
public final class LoginThrottle {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 10_000;

    private final int attemptsPerWindow;
    private final Map<String, Deque<Instant>> attempts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public LoginThrottle(int attemptsPerWindow) {
        this.attemptsPerWindow = attemptsPerWindow;
    }

    /**
     * Counts one attempt for the client, or refuses it.
     *
     * @throws TooManyAttempts when the client used up its attempts in the last minute (nothing is counted then)
     */
    public synchronized Attempt reserve(String client) {
        Deque<Instant> recent = prune(client);
        if (recent.size() >= attemptsPerWindow) {
            Duration wait = Duration.between(Instant.now(), recent.peekFirst().plus(WINDOW));
            throw new TooManyAttempts(Math.max(1, wait.toSeconds() + 1));
        }
        Attempt attempt = new Attempt(client, Instant.now());
        recent.addLast(attempt.at());
        return attempt;
    }

    /** The password was right: the client's earlier attempts no longer count against it. */
    public synchronized void succeeded(Attempt attempt) {
        attempts.remove(attempt.client());
    }

    /** The password was never checked (the server was too busy to hash it): give the attempt back. */
    public synchronized void cancel(Attempt attempt) {
        Deque<Instant> recent = attempts.get(attempt.client());
        if (recent != null) {
            recent.removeIf(at -> at == attempt.at());
        }
    }

    private Deque<Instant> prune(String client) {
        Deque<Instant> recent = attempts.computeIfAbsent(client, c -> new ArrayDeque<>());
        Instant cutoff = Instant.now().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
        return recent;
    }

    /** One counted attempt, to report its outcome with. */
    public record Attempt(String client, Instant at) {
    }

    /** 429 with Retry-After. */
    static final class TooManyAttempts extends jakarta.ws.rs.WebApplicationException {
        private static final long serialVersionUID = 1L;

        TooManyAttempts(long retryAfterSeconds) {
            super("Too many failed attempts from this address; try again in " + retryAfterSeconds + " s.",
                    jakarta.ws.rs.core.Response.status(429).header("Retry-After", retryAfterSeconds).build());
        }
    }
}
