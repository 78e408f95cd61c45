package io.gitopsauditor.plugin.api.settings;

/**
 * Where a declared setting's value comes from, in the order they win: the first that has a value.
 *
 * @since 0.2
 */
public enum SettingSource {
    /** Its environment variable ({@code GITOPS_AUDITOR_PLUGINS_<ID>_<KEY>}): fixed, not editable. */
    ENVIRONMENT,
    /** The config file (or a command-line flag): fixed, not editable. */
    FILE,
    /** Set by an admin in the dashboard or through the API; stored in the database. */
    DASHBOARD,
    /** Nothing set: the declared default. */
    DEFAULT;

    /**
     * @return whether a value from here can be changed in the dashboard (false for the environment and the file)
     */
    public boolean editable() {
        return this == DASHBOARD || this == DEFAULT;
    }
}
