package io.gitopsauditor.plugin.api.settings;

import io.gitopsauditor.plugin.api.PluginConfig;

/**
 * A snapshot of a plugin's settings. It is a {@link PluginConfig}: the same typed getters read a
 * declared setting's current value (from the environment, the file, the dashboard or its default)
 * and, for a key that is not declared, the configuration; so code that reads a
 * {@code PluginConfig} reads dashboard values unchanged. A list's text form joins its items with
 * commas. Secret settings are not here: read them with {@link Secrets#get}.
 *
 * @since 0.2
 */
public interface SettingValues extends PluginConfig {

    /**
     * @param key a declared key
     * @return where its value comes from now
     * @throws IllegalArgumentException when the key is not declared
     */
    SettingSource source(String key);
}
