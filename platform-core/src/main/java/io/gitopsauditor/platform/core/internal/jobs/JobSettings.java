package io.gitopsauditor.platform.core.internal.jobs;

import java.time.Duration;

/**
 * How the platform runs and keeps jobs.
 *
 * @param threads   jobs that run at once; more wait as queued ({@code jobs.threads}, 4)
 * @param retention finished jobs older than this are pruned ({@code jobs.retention}, 30d)
 * @param keep      at most this many finished jobs are kept, the newest ({@code jobs.keep}, 1000)
 */
public record JobSettings(int threads, Duration retention, int keep) {
    public static final JobSettings DEFAULTS = new JobSettings(4, Duration.ofDays(30), 1000);
}
