package io.gitopsauditor.platform.core.internal.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * How long each step of a boot took, for one log line when the port is open: the first place to
 * look when a start gets slower, and how the start-up budget in {@code distribution/bench/README.md}
 * splits the kernel's cost from the plugins'. Not thread-safe: the boot runs on one thread.
 */
final class BootPhases {
    private record Phase(String name, long nanos) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final long bootStarted = System.nanoTime();
    private long phaseStarted = bootStarted;

    /** Ends the phase running since the previous call (or since the boot began), under this name. */
    void done(String name) {
        long now = System.nanoTime();
        phases.add(new Phase(name, now - phaseStarted));
        phaseStarted = now;
    }

    /** Time since the boot began. */
    Duration total() {
        return Duration.ofNanos(System.nanoTime() - bootStarted);
    }

    /** {@code "config 12 ms, database 40 ms, ..."} in the order the phases ran. */
    String summary() {
        StringJoiner joined = new StringJoiner(", ");
        phases.forEach(phase -> joined.add(phase.name() + " " + millis(phase.nanos()) + " ms"));
        return joined.toString();
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1_000_000.0);
    }
}
