/**
 * Settings a plugin declares, and secrets it reads.
 *
 * <p>A plugin declares its {@link io.gitopsauditor.plugin.api.settings.Setting settings} in
 * {@code register} through {@link io.gitopsauditor.plugin.api.PluginContext#settings()}; an admin
 * then sees and edits them on the dashboard's Settings page, without a restart. Each setting's
 * value comes from the first of: the environment, the config file (both fixed: shown, not
 * editable), a value set in the dashboard, the declared default. The plugin reads the current
 * {@link io.gitopsauditor.plugin.api.settings.SettingValues values} and is told of each
 * {@link io.gitopsauditor.plugin.api.settings.SettingsChange change}.
 *
 * <p>{@link io.gitopsauditor.plugin.api.settings.Secrets} are values such as tokens: stored
 * encrypted, written only through the admin API, read by name by the plugin that owns them.
 * See {@code docs/plugin-guide.md}, "Settings" and "Secrets".
 *
 * @since 0.2
 */
package io.gitopsauditor.plugin.api.settings;
