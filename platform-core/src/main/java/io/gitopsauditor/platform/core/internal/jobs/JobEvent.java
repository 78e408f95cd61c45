package io.gitopsauditor.platform.core.internal.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What {@code platform.jobs} carries: the job's JSON with the event's {@code type} beside its
 * fields ({@code job.started}, {@code job.progress}, {@code job.finished}), as the audit's channels
 * put {@code type} in their payloads.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobEvent(String type, @JsonUnwrapped JobView job) {
    public static final String STARTED = "job.started";
    public static final String PROGRESS = "job.progress";
    public static final String FINISHED = "job.finished";
}
