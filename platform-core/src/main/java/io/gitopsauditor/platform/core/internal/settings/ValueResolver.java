package io.gitopsauditor.platform.core.internal.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.ConfigValue;
import io.gitopsauditor.platform.core.internal.config.PluginConfigView;
import io.gitopsauditor.plugin.api.settings.Setting;
import io.gitopsauditor.plugin.api.settings.SettingSource;
import io.gitopsauditor.plugin.api.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which source wins for each declared setting, in this order: its environment variable, the config
 * file (or a flag), the value stored from the dashboard, its default.
 */
final class ValueResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ValueResolver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ConfigSource's name for defaults that depend on the installation (plugins-dir): never a setting's value. */
    private static final String INSTALLATION_DEFAULT = "the installation's default";

    private final ConfigSource config;
    private final Supplier<DSLContext> database;
    private final SettingsStore stored;
    private final SecretStore secrets;

    ValueResolver(ConfigSource config, Supplier<DSLContext> database, SettingsStore stored, SecretStore secrets) {
        this.config = config;
        this.database = database;
        this.stored = stored;
        this.secrets = secrets;
    }

    CurrentValues resolve(SettingsGroup group) {
        DSLContext dsl = database.get();
        Map<String, String> dashboard = stored.all(dsl, group.owner());
        Set<String> storedSecrets = secrets.list(dsl).stream().map(SecretStore.Listed::name).collect(Collectors.toSet());
        Map<String, CurrentValues.Resolved> resolved = new LinkedHashMap<>();
        for (Setting setting : group.settings()) {
            resolved.put(setting.key(), resolve(group, setting, dashboard, storedSecrets));
        }
        // Undeclared keys fall through to the configuration; the platform's own are read by PlatformConfig instead.
        return new CurrentValues(group, resolved, new PluginConfigView(config, group.owner()));
    }

    private CurrentValues.Resolved resolve(SettingsGroup group, Setting setting, Map<String, String> dashboard,
                                           Set<String> storedSecrets) {
        Optional<ConfigValue> fixed = fixedValue(group, setting.key());
        boolean secret = setting.type() == SettingType.SECRET;
        if (fixed.isPresent()) {
            ConfigValue value = fixed.get();
            SettingSource source = value.source().equals(ConfigSource.envName(group.configKey(setting.key())))
                    ? SettingSource.ENVIRONMENT : SettingSource.FILE;
            return new CurrentValues.Resolved(secret ? null : SettingInput.fromText(setting, value), source, value.source());
        }
        if (secret) {
            return new CurrentValues.Resolved(null, storedSecrets.contains(group.secretName(setting.key()))
                    ? SettingSource.DASHBOARD : SettingSource.DEFAULT, null);
        }
        String json = dashboard.get(setting.key());
        if (json != null) {
            return new CurrentValues.Resolved(parseStored(setting, json), SettingSource.DASHBOARD, null);
        }
        return new CurrentValues.Resolved(setting.defaultValue().orElse(null), SettingSource.DEFAULT, null);
    }

    /**
     * A value from the environment or the file. An empty secret there (the sample's {@code token: ""})
     * sets nothing, so that the dashboard's may be used.
     */
    Optional<ConfigValue> fixedValue(SettingsGroup group, String key) {
        boolean secret = group.setting(key).filter(s -> s.type() == SettingType.SECRET).isPresent();
        return config.get(group.configKey(key)).filter(v -> !v.source().equals(INSTALLATION_DEFAULT))
                .filter(v -> !(secret && v.value().isBlank()));
    }

    private static Object parseStored(Setting setting, String json) {
        try {
            return SettingInput.fromStored(setting, JSON.readTree(json));
        } catch (JsonProcessingException e) {
            LOG.warn("the stored value of setting {} is not JSON; its default is used", setting.key());
            return setting.defaultValue().orElse(null);
        }
    }
}
