package io.gitopsauditor.platform.core.internal.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many Argon2 hashes run at once. Each one holds about 19 MiB for its whole run, so
 * without a bound 60 concurrent logins took a JVM from 588 MB to 1.8 GB, and a small heap answered
 * them with OutOfMemoryError. A caller that gets no slot within a short wait is refused with 503
 * and Retry-After instead of queueing without end.
 */
final class HashingSlots {
    /** Every password hash of this process goes through these. */
    static final HashingSlots SHARED = new HashingSlots(2, Duration.ofSeconds(5));

    private final Semaphore slots;
    private final Duration wait;

    HashingSlots(int concurrent, Duration wait) {
        this.slots = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    /**
     * Runs one hash when a slot is free.
     *
     * @throws ServerBusy when no slot came free within the wait
     */
    <T> T run(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusy();
        }
        if (!acquired) {
            throw new ServerBusy();
        }
        try {
            return hash.get();
        } finally {
            slots.release();
        }
    }

    /** 503 with Retry-After: too many password checks are running right now. */
    static final class ServerBusy extends jakarta.ws.rs.WebApplicationException {
        private static final long serialVersionUID = 1L;
        static final int RETRY_AFTER_SECONDS = 2;

        ServerBusy() {
            super("Too many password checks are running; try again in " + RETRY_AFTER_SECONDS + " s.",
                    jakarta.ws.rs.core.Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS).build());
        }
    }
}
