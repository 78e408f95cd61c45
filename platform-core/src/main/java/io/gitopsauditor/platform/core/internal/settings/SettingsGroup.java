package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.settings.Setting;
import io.gitopsauditor.plugin.api.settings.SettingType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One owner's declared settings, as one group of the Settings page: a plugin's (keys under
 * {@code plugins.<id>.}, secrets named {@code <id>.<key>}) or the platform's (keys are the
 * kernel's own config keys such as {@code github.token}, which is also the secret's name).
 */
final class SettingsGroup {
    static final String PLATFORM = "platform";

    private final String owner;
    private final String title;
    private final String configPrefix;
    private final Map<String, Setting> settings = new LinkedHashMap<>();

    private SettingsGroup(String owner, String title, String configPrefix) {
        this.owner = owner;
        this.title = title;
        this.configPrefix = configPrefix;
    }

    static SettingsGroup plugin(String id, String title) {
        return new SettingsGroup(id, title, "plugins." + id + ".");
    }

    static SettingsGroup platform(String title) {
        return new SettingsGroup(PLATFORM, title, "");
    }

    synchronized void add(Setting setting) {
        if (settings.containsKey(setting.key())) {
            throw new IllegalArgumentException(owner + ": setting '" + setting.key() + "' is declared twice");
        }
        settings.put(setting.key(), setting);
    }

    String owner() {
        return owner;
    }

    String title() {
        return title;
    }

    synchronized Collection<Setting> settings() {
        return java.util.List.copyOf(settings.values());
    }

    synchronized Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The key in the config file and, upper-cased, the environment. */
    String configKey(String key) {
        return configPrefix + key;
    }

    /** The secret store's name for a secret setting of this group. */
    String secretName(String key) {
        return owner.equals(PLATFORM) ? key : owner + "." + key;
    }

    /** The secret setting stored under this name, if it is one of this group's. */
    synchronized Optional<Setting> secretSetting(String name) {
        return settings.values().stream().filter(s -> s.type() == SettingType.SECRET && secretName(s.key()).equals(name)).findFirst();
    }
}
