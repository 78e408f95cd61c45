package io.gitopsauditor.platform.core.internal.config;

import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.PluginConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A plugin's window on the configuration: the keys under {@code plugins.<id>.}. */
public final class PluginConfigView implements PluginConfig {
    private final ConfigSource source;
    private final String prefix;

    public PluginConfigView(ConfigSource source, String pluginId) {
        this.source = source;
        this.prefix = "plugins." + pluginId + ".";
    }

    @Override
    public Optional<String> get(String key) {
        return source.get(prefix + key).map(ConfigValue::value);
    }

    @Override
    public int integer(String key, int defaultValue) {
        return typed(key, v -> ConfigValues.integer(prefix + key, v, Integer.MIN_VALUE, Integer.MAX_VALUE), defaultValue);
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return typed(key, v -> ConfigValues.bool(prefix + key, v), defaultValue);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        return typed(key, v -> ConfigValues.duration(prefix + key, v), defaultValue);
    }

    @Override
    public List<String> list(String key) {
        return source.get(prefix + key).map(ConfigValues::list).orElse(List.of());
    }

    private <T> T typed(String key, java.util.function.Function<ConfigValue, T> parse, T defaultValue) {
        Optional<ConfigValue> value = source.get(prefix + key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return parse.apply(value.get());
        } catch (ConfigException e) {
            throw new PluginConfigException(e.getMessage());
        }
    }
}
