package io.gitopsauditor.platform.core.internal.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gitopsauditor.plugin.api.jobs.Job;
import java.time.Instant;

/**
 * A job on the wire ({@code GET /api/platform/jobs}, {@code platform.jobs}): the contract's shape,
 * every field present, {@code null} where there is nothing.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobView(String id, String plugin, String kind, String key, String subject, String state, Progress progress,
                      Instant startedAt, Instant finishedAt, String outcome, String link, String startedBy) {

    /**
     * @param done    items done
     * @param total   items in all, {@code null} while unknown
     * @param message what is happening now
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Progress(long done, Long total, String message) {
    }

    public static JobView of(Job job) {
        var p = job.progress();
        return new JobView(job.id(), job.plugin(), job.kind(), job.key().orElse(null), job.subject(), job.state().wireName(),
                new Progress(p.done(), p.total().isPresent() ? p.total().getAsLong() : null, p.message()), job.startedAt(),
                job.finishedAt().orElse(null), job.outcome().orElse(null), job.link().orElse(null), job.startedBy().orElse(null));
    }
}
