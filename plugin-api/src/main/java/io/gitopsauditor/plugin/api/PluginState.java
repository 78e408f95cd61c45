package io.gitopsauditor.plugin.api;

/**
 * Where a plugin is in its lifecycle, as {@code GET /api/platform/plugins} reports it.
 *
 * <pre>
 *  DISCOVERED --register--&gt; REGISTERED --migrate, start--&gt; STARTED --stop--&gt; STOPPED
 *      |                        |                            |
 *      +------------------------+----------------------------+--&gt; FAILED (with a reason)
 *  DISABLED: listed in the disabled-plugins setting; never registered nor started.
 * </pre>
 *
 * @since 0.1
 */
public enum PluginState {
    /** Found by the service loader and its descriptor read; nothing of it has run yet. */
    DISCOVERED,
    /** {@code register} returned: its contributions are known, its migrations not yet applied. */
    REGISTERED,
    /** Migrations applied and {@code start} returned: its routes, channels and UI are served. */
    STARTED,
    /** {@code stop} ran during shutdown. */
    STOPPED,
    /** Refused or broken: the reason says why. Nothing it contributed is served. */
    FAILED,
    /** Switched off by configuration; never registered nor started. */
    DISABLED
}
