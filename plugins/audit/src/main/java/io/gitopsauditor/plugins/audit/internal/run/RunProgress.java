package io.gitopsauditor.plugins.audit.internal.run;

import java.time.Instant;

/**
 * A run in progress.
 *
 * @param runId     the run
 * @param trigger   what started it
 * @param mode      {@code full} or {@code changed}
 * @param startedAt when it started
 * @param done      repositories judged so far
 * @param total     repositories to judge, 0 while the sources are still being listed
 * @param jobId     the platform job the run is ({@code /api/platform/jobs/<jobId>}): cancel it there
 */
public record RunProgress(long runId, String trigger, String mode, Instant startedAt, int done, int total, String jobId) {
}
