package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.platform.core.internal.config.ConfigException;
import io.gitopsauditor.platform.core.internal.config.ConfigValue;
import io.gitopsauditor.platform.core.internal.config.ConfigValues;
import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.PluginConfigException;
import io.gitopsauditor.plugin.api.settings.SettingSource;
import io.gitopsauditor.plugin.api.settings.SettingType;
import io.gitopsauditor.plugin.api.settings.SettingValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One snapshot of a group's resolved values; keys not declared fall through to the configuration. */
final class CurrentValues implements SettingValues {

    /**
     * One setting's value and where it came from.
     *
     * @param value   the typed value; {@code null} when there is none, and always for a secret
     * @param source  which source won
     * @param fixedBy for the file or the environment: the file's path, the variable's name or "the command line"
     */
    record Resolved(Object value, SettingSource source, String fixedBy) {
    }

    private final SettingsGroup group;
    private final Map<String, Resolved> resolved;
    private final PluginConfig fallback;

    CurrentValues(SettingsGroup group, Map<String, Resolved> resolved, PluginConfig fallback) {
        this.group = group;
        this.resolved = Map.copyOf(resolved);
        this.fallback = fallback;
    }

    Map<String, Resolved> resolved() {
        return resolved;
    }

    Resolved resolved(String key) {
        Resolved value = resolved.get(key);
        if (value == null) {
            throw new IllegalArgumentException(group.owner() + ": no setting '" + key + "' is declared");
        }
        return value;
    }

    @Override
    public SettingSource source(String key) {
        return resolved(key).source();
    }

    private boolean declared(String key) {
        return resolved.containsKey(key) && group.setting(key).filter(s -> s.type() != SettingType.SECRET).isPresent();
    }

    @Override
    public Optional<String> get(String key) {
        if (!declared(key)) {
            return resolved.containsKey(key) ? Optional.empty() : fallback.get(key);
        }
        return Optional.ofNullable(resolved.get(key).value()).map(SettingInput::toText);
    }

    @Override
    public int integer(String key, int defaultValue) {
        return typed(key, v -> ConfigValues.integer(group.configKey(key), v, Integer.MIN_VALUE, Integer.MAX_VALUE),
                defaultValue, () -> fallback.integer(key, defaultValue));
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return typed(key, v -> ConfigValues.bool(group.configKey(key), v), defaultValue, () -> fallback.bool(key, defaultValue));
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        return typed(key, v -> ConfigValues.duration(group.configKey(key), v), defaultValue,
                () -> fallback.duration(key, defaultValue));
    }

    @Override
    public List<String> list(String key) {
        if (!declared(key)) {
            return resolved.containsKey(key) ? List.of() : fallback.list(key);
        }
        Object value = resolved.get(key).value();
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : ConfigValues.list(new ConfigValue(SettingInput.toText(value), "settings"));
    }

    private <T> T typed(String key, Function<ConfigValue, T> parse, T defaultValue, java.util.function.Supplier<T> undeclared) {
        if (!declared(key)) {
            return resolved.containsKey(key) ? defaultValue : undeclared.get();
        }
        Resolved value = resolved.get(key);
        if (value.value() == null) {
            return defaultValue;
        }
        try {
            return parse.apply(new ConfigValue(SettingInput.toText(value.value()), describe(value)));
        } catch (ConfigException e) {
            throw new PluginConfigException(e.getMessage());
        }
    }

    private static String describe(Resolved value) {
        return switch (value.source()) {
            case ENVIRONMENT, FILE -> value.fixedBy();
            case DASHBOARD -> "the dashboard";
            case DEFAULT -> "the default";
        };
    }

    @Override
    public String toString() {
        // Never a value: a secret setting's is not here, but a text may still be sensitive to someone.
        return "SettingValues[" + group.owner() + ", " + resolved.keySet() + "]";
    }
}
