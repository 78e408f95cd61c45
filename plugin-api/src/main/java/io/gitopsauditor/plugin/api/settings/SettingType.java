package io.gitopsauditor.plugin.api.settings;

/**
 * What kind of value a {@link Setting} holds; the dashboard picks its input from this and the
 * platform validates with it. On the wire it is the schema's {@code x-setting} (lower case).
 *
 * @since 0.2
 */
public enum SettingType {
    /** One line of text, optionally matching a pattern. */
    TEXT,
    /** A whole number, optionally between a minimum and a maximum. */
    NUMBER,
    /** On or off. */
    BOOLEAN,
    /** One of a fixed set of texts. */
    CHOICE,
    /** Several texts, or several folders ({@link Setting.Builder#ofFolders()}). */
    LIST,
    /** An absolute path to a folder that exists and the service can read; checked by the server. */
    FOLDER,
    /**
     * A secret such as a token: kept in the {@link Secrets} store, encrypted, under the name
     * {@code <plugin id>.<key>}; never sent back to the dashboard, and not among the
     * {@link SettingValues} (read it with {@link Secrets#get}).
     */
    SECRET
}
