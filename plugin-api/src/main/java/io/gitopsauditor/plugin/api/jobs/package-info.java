/**
 * Jobs: long tasks a plugin starts through {@link io.gitopsauditor.plugin.api.PluginContext#jobs()},
 * run by the platform on its own bounded pool, with progress, cooperative cancellation, an outcome
 * and a history kept in the database. Every job is visible at {@code /api/platform/jobs} and on the
 * channel {@code platform.jobs}; see {@code docs/plugin-guide.md}, section "Jobs".
 *
 * @since 0.2
 */
package io.gitopsauditor.plugin.api.jobs;
