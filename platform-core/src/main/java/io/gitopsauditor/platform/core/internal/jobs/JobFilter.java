package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.jobs.Job;
import java.util.Optional;

/**
 * What {@code GET /api/platform/jobs} asks for.
 *
 * @param running true: only queued and running jobs; false: only finished ones; empty: all
 * @param plugin  only this plugin's
 * @param kind    only this kind
 */
public record JobFilter(Optional<Boolean> running, Optional<String> plugin, Optional<String> kind) {
    public static final JobFilter ALL = new JobFilter(Optional.empty(), Optional.empty(), Optional.empty());

    boolean matches(Job job) {
        return running.map(r -> r != job.state().finished()).orElse(true)
                && plugin.map(job.plugin()::equals).orElse(true)
                && kind.map(job.kind()::equals).orElse(true);
    }
}
