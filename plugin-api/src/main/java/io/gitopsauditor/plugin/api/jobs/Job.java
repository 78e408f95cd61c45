package io.gitopsauditor.plugin.api.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as the platform knows it at one moment (a copy: it does not change afterwards).
 *
 * @param id         the job's id, unique for the life of the database
 * @param plugin     the plugin that started it
 * @param kind       what sort of job, {@code <plugin-id>.<name>}, e.g. {@code audit.run}
 * @param key        its exclusivity key, if any (see {@link Jobs})
 * @param subject    what it works on, for people, e.g. {@code All repositories}
 * @param state      where it is in its life
 * @param progress   how far it got
 * @param startedAt  when it was started (queued)
 * @param finishedAt when it ended, if it did
 * @param outcome    how it ended, in words, if it did
 * @param link       a dashboard path to its result, if any
 * @param startedBy  who started it ({@code admin}, {@code token:ci}, {@code schedule}...), if said
 * @since 0.2
 */
public record Job(String id, String plugin, String kind, Optional<String> key, String subject, JobState state,
                  JobProgress progress, Instant startedAt, Optional<Instant> finishedAt, Optional<String> outcome,
                  Optional<String> link, Optional<String> startedBy) {
    /**
     * @throws NullPointerException when a field is missing
     */
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(startedBy, "startedBy");
    }
}
