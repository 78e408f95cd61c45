package io.gitopsauditor.plugin.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A plugin's configuration: the keys under {@code plugins.<id>.} in the platform config file,
 * each overridable by an environment variable ({@code plugins.hello.greeting} becomes
 * {@code GITOPS_AUDITOR_PLUGINS_HELLO_GREETING}). Keys are kebab-case and given here without
 * the prefix. Read them in {@code register} or {@code start} and fail fast on a bad value: the
 * typed getters throw {@link PluginConfigException} naming the key.
 *
 * @since 0.1
 */
public interface PluginConfig {

    /**
     * @param key the key without the {@code plugins.<id>.} prefix
     * @return the raw value, if set
     */
    Optional<String> get(String key);

    /**
     * @param key          the key
     * @param defaultValue used when the key is not set
     * @return the value
     */
    default String string(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * @param key          the key
     * @param defaultValue used when the key is not set
     * @return the value
     * @throws PluginConfigException when the value is not an integer
     */
    int integer(String key, int defaultValue);

    /**
     * @param key          the key
     * @param defaultValue used when the key is not set
     * @return {@code true} for true/yes/on, {@code false} for false/no/off
     * @throws PluginConfigException for any other value
     */
    boolean bool(String key, boolean defaultValue);

    /**
     * @param key          the key
     * @param defaultValue used when the key is not set
     * @return the value, written like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}
     * @throws PluginConfigException when the value is not a duration
     */
    Duration duration(String key, Duration defaultValue);

    /**
     * @param key the key
     * @return the value split on commas (or a YAML list), blanks dropped; empty when not set
     */
    List<String> list(String key);
}
