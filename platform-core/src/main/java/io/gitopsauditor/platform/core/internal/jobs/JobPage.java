package io.gitopsauditor.platform.core.internal.jobs;

import java.util.List;

/**
 * A page of jobs in the platform's list shape. Stream "lists" brings {@code Page<T>} to the plugin
 * API; until it is merged this record writes the same JSON, and should then give way to it.
 */
public record JobPage(List<JobView> items, long total, int offset, int limit, String sort) {
}
