package io.gitopsauditor.plugin.api;

/**
 * Adds this plugin's ordered SQL migrations (SQLite dialect). The kernel applies the pending
 * ones after {@code register} and before {@code start}, each in its own transaction, and records
 * each applied version with a checksum per plugin. A migration that was applied and later
 * changed is refused (the plugin fails) rather than silently skipped.
 *
 * <p>Every table, index, view and trigger a migration creates must be named with the plugin's
 * {@link PluginDescriptor#tablePrefix() table prefix}.
 *
 * @since 0.1
 */
public interface MigrationRegistrar {

    /**
     * Adds a migration given as text.
     *
     * @param version     a positive number; migrations run in ascending order, each once
     * @param description what it does, e.g. {@code create greetings}
     * @param sql         one or more statements separated by {@code ;}
     * @throws IllegalArgumentException when the version is not positive or already used
     */
    void sql(int version, String description, String sql);

    /**
     * Adds a migration from a resource in the plugin's jar, named {@code V<version>__<description>.sql},
     * e.g. {@code META-INF/migrations/hello/V1__create_greetings.sql}. Keep scripts under
     * {@code META-INF/}: in a named module every other folder whose name could be a Java package
     * (such as {@code db/hello}) is encapsulated, and the kernel could not read it.
     *
     * @param resourcePath the resource path inside the plugin jar
     * @throws IllegalArgumentException when the resource is missing or misnamed
     */
    void script(String resourcePath);
}
