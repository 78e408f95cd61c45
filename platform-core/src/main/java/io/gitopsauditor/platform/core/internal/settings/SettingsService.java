package io.gitopsauditor.platform.core.internal.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.ConfigValue;
import io.gitopsauditor.platform.core.internal.config.PluginConfigView;
import io.gitopsauditor.plugin.api.EventBus;
import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.settings.Setting;
import io.gitopsauditor.plugin.api.settings.SettingSource;
import io.gitopsauditor.plugin.api.settings.SettingType;
import io.gitopsauditor.plugin.api.settings.SettingsChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declared settings and the secret store, for the whole platform. Each setting's value is the
 * first of: its environment variable, the config file (both fixed), the dashboard's (stored), its
 * default. Changes are validated, committed in one transaction, then handed to the owner's
 * listeners on one platform thread, in order, with the values before and after.
 */
public final class SettingsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The secrets key's file name in the data directory, unless {@code secrets.key-file} says otherwise. */
    public static final String KEY_FILE_NAME = SecretsKey.FILE_NAME;

    /**
     * Where security events go (the kernel's security log): {@code SecurityStore::record}.
     */
    @FunctionalInterface
    public interface SecurityLog {
        void record(String type, String actor, String client, String detail);
    }

    /**
     * Who changes something, for the stored row and the security event.
     *
     * @param name   the user or token name
     * @param client the client's address
     */
    public record Actor(String name, String client) {
    }

    private final ConfigSource config;
    private final Supplier<DSLContext> database;
    private final SettingsStore stored = new SettingsStore();
    private final SecretStore secrets;
    private final Map<String, SettingsGroup> groups = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<SettingsChange>>> listeners = new ConcurrentHashMap<>();
    private final Map<String, CurrentValues> cache = new ConcurrentHashMap<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("settings-changes").factory());

    /** The ids of the plugins the platform knows: a secret name's prefix must be one of them (or {@code github}). */
    private final Supplier<Set<String>> pluginIds;

    public SettingsService(ConfigSource config, Path dataDir, Supplier<DSLContext> database, Supplier<Set<String>> pluginIds) {
        this.config = config;
        this.database = database;
        this.pluginIds = pluginIds;
        this.secrets = new SecretStore(SecretsKey.from(config, dataDir));
    }

    /** Where the secrets key is looked for. */
    public Path keyFile() {
        return secrets.key().file();
    }

    /** Declares settings of a plugin (keys under {@code plugins.<id>.}); the group is titled with the plugin's name. */
    public void declarePlugin(String pluginId, String title, List<Setting> settings) {
        SettingsGroup group = groups.computeIfAbsent(pluginId, id -> SettingsGroup.plugin(id, title));
        settings.forEach(group::add);
        cache.remove(pluginId);
    }

    /** Declares settings of the platform (keys are the kernel's own config keys). */
    void declarePlatform(String title, List<Setting> settings) {
        SettingsGroup group = groups.computeIfAbsent(SettingsGroup.PLATFORM, id -> SettingsGroup.platform(title));
        settings.forEach(group::add);
        cache.remove(SettingsGroup.PLATFORM);
    }

    /** Every group, the platform's first, then the plugins' by id. */
    public List<GroupView> views() {
        return groups.keySet().stream()
                .sorted((a, b) -> a.equals(SettingsGroup.PLATFORM) ? -1 : b.equals(SettingsGroup.PLATFORM) ? 1 : a.compareTo(b))
                .map(this::view).toList();
    }

    public GroupView view(String owner) {
        SettingsGroup group = group(owner);
        DSLContext dsl = database.get();
        return GroupView.of(group, values(owner), name -> new GroupView.StoredSecret(secrets.updatedAt(dsl, name),
                readProblem(dsl, name)));
    }

    private SettingsGroup group(String owner) {
        SettingsGroup group = groups.get(owner);
        if (group == null) {
            throw ProblemException.notFound("No settings for '" + owner + "'; GET /api/platform/settings lists the groups.");
        }
        return group;
    }

    /** The owner's current values (an owner without declared settings gets only its configuration). */
    public CurrentValues values(String owner) {
        return cache.computeIfAbsent(owner, this::resolve);
    }

    private CurrentValues resolve(String owner) {
        SettingsGroup group = groups.getOrDefault(owner, SettingsGroup.plugin(owner, owner));
        DSLContext dsl = database.get();
        Map<String, String> dashboard = stored.all(dsl, owner);
        Set<String> storedSecrets = new LinkedHashSet<>(secrets.list(dsl).stream().map(SecretStore.Listed::name).toList());
        Map<String, CurrentValues.Resolved> resolved = new LinkedHashMap<>();
        for (Setting setting : group.settings()) {
            resolved.put(setting.key(), resolve(group, setting, dashboard, storedSecrets));
        }
        return new CurrentValues(group, resolved, fallback(group));
    }

    private CurrentValues.Resolved resolve(SettingsGroup group, Setting setting, Map<String, String> dashboard, Set<String> storedSecrets) {
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

    /** A value from the environment or the file; the installation's defaults (plugins-dir) are not a setting's. */
    private Optional<ConfigValue> fixedValue(SettingsGroup group, String key) {
        return config.get(group.configKey(key)).filter(v -> !v.source().equals("the installation's default"))
                .filter(v -> !v.value().isBlank() || group.setting(key).map(s -> s.type() != SettingType.SECRET).orElse(true));
    }

    private static Object parseStored(Setting setting, String json) {
        try {
            return SettingInput.fromStored(setting, JSON.readTree(json));
        } catch (JsonProcessingException e) {
            LOG.warn("the stored value of setting {} is not JSON; its default is used", setting.key());
            return setting.defaultValue().orElse(null);
        }
    }

    private PluginConfig fallback(SettingsGroup group) {
        // The platform's own undeclared keys are read by PlatformConfig, not through settings.
        return new PluginConfigView(config, group.owner());
    }

    /**
     * Applies a partial change: each key of {@code body} to its new value, {@code null} back to the
     * default (a secret: removed). Fixed keys are refused (409), invalid values all reported (400).
     */
    public synchronized GroupView update(String owner, JsonNode body, Actor actor, SecurityLog log) {
        SettingsGroup group = group(owner);
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ProblemException.invalidInput("Send a JSON object of the settings to change, e.g. {\"key\": value}; null resets one.");
        }
        CurrentValues before = values(owner);
        List<InvalidSettingsException.FieldError> errors = new ArrayList<>();
        Map<Setting, Optional<Object>> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Optional<Setting> setting = group.setting(field.getKey());
            if (setting.isEmpty()) {
                errors.add(new InvalidSettingsException.FieldError(field.getKey(), "is not a setting of " + owner + "; known: "
                        + String.join(", ", group.settings().stream().map(Setting::key).toList())));
                continue;
            }
            CurrentValues.Resolved current = before.resolved(field.getKey());
            if (!current.source().editable()) {
                throw fixed(group, field.getKey(), current);
            }
            if (field.getValue().isNull()) {
                changes.put(setting.get(), Optional.empty());
                continue;
            }
            try {
                changes.put(setting.get(), Optional.of(SettingInput.fromJson(setting.get(), field.getValue())));
            } catch (SettingInput.Invalid e) {
                errors.add(new InvalidSettingsException.FieldError(field.getKey(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        List<String> secretsSet = new ArrayList<>();
        List<String> secretsRemoved = new ArrayList<>();
        database.get().transaction(tx -> changes.forEach((setting, value) -> {
            if (setting.type() == SettingType.SECRET) {
                String name = group.secretName(setting.key());
                if (value.isPresent()) {
                    secrets.put(tx.dsl(), name, owner, (String) value.get(), actor.name());
                    secretsSet.add(name);
                } else if (secrets.delete(tx.dsl(), name)) {
                    secretsRemoved.add(name);
                }
            } else if (value.isPresent()) {
                stored.put(tx.dsl(), owner, setting.key(), json(value.get()), actor.name());
            } else {
                stored.delete(tx.dsl(), owner, setting.key());
            }
        }));
        cache.remove(owner);
        secretsSet.forEach(name -> log.record("secret-set", actor.name(), actor.client(), "secret '" + name + "'"));
        secretsRemoved.forEach(name -> log.record("secret-deleted", actor.name(), actor.client(), "secret '" + name + "'"));
        List<String> plain = changes.keySet().stream().filter(s -> s.type() != SettingType.SECRET).map(Setting::key).toList();
        if (!plain.isEmpty()) {
            // Settings can send the GitHub token elsewhere (github.api-url) or widen what is read: an admin's act worth keeping.
            log.record("settings-changed", actor.name(), actor.client(), owner + ": " + String.join(", ", plain));
        }
        Set<String> touchedSecrets = new LinkedHashSet<>();
        changes.keySet().stream().filter(s -> s.type() == SettingType.SECRET).forEach(s -> touchedSecrets.add(s.key()));
        notifyChanged(owner, before, touchedSecrets);
        return view(owner);
    }

    private static ProblemException fixed(SettingsGroup group, String key, CurrentValues.Resolved current) {
        String where = current.source() == SettingSource.ENVIRONMENT ? "the environment variable " + current.fixedBy()
                : current.fixedBy().equals("the command line") ? "the command line" : "the config file " + current.fixedBy();
        return ProblemException.conflict(group.configKey(key) + " is fixed by " + where
                + ", which wins over the dashboard; change or remove it there (then restart) to edit it here.");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a setting value could not be written as JSON", e);
        }
    }

    private void notifyChanged(String owner, CurrentValues before, Set<String> touchedSecrets) {
        CurrentValues after = values(owner);
        Set<String> changed = new LinkedHashSet<>(touchedSecrets);
        after.resolved().forEach((key, value) -> {
            CurrentValues.Resolved old = before.resolved().get(key);
            if (old == null || !Objects.equals(old.value(), value.value()) || old.source() != value.source()) {
                changed.add(key);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        SettingsChange change = new SettingsChange(before, after, Set.copyOf(changed));
        for (Consumer<SettingsChange> listener : listeners.getOrDefault(owner, List.of())) {
            notifier.execute(() -> {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    // The message only: a listener's exception might quote a value.
                    LOG.warn("{}: a settings listener failed on the change of {}: {}", owner, changed, e.getClass().getSimpleName());
                }
            });
        }
    }

    /** Calls {@code listener} after each committed change of the owner's settings, on the settings thread. */
    public EventBus.Subscription listen(String owner, Consumer<SettingsChange> listener) {
        List<Consumer<SettingsChange>> owned = listeners.computeIfAbsent(owner, id -> new CopyOnWriteArrayList<>());
        owned.add(listener);
        return () -> owned.remove(listener);
    }

    /**
     * A secret's value, for the kernel and the plugins (never for an answer): a secret setting fixed
     * by the file or the environment gives that value; else the store's.
     */
    public Optional<String> secret(String name) {
        for (SettingsGroup group : groups.values()) {
            Optional<Setting> setting = group.secretSetting(name);
            if (setting.isPresent()) {
                Optional<ConfigValue> fixed = fixedValue(group, setting.get().key());
                if (fixed.isPresent()) {
                    return fixed.map(ConfigValue::value).map(String::strip);
                }
            }
        }
        return secrets.read(database.get(), name);
    }

    /** Stored secrets, never their values; each unreadable one with the reason. */
    public List<SecretStore.Listed> listSecrets() {
        DSLContext dsl = database.get();
        return secrets.list(dsl).stream().map(listed -> listed.withProblem(readProblem(dsl, listed.name()))).toList();
    }

    /**
     * Decrypts a stored secret only to tell whether it can be: the admin sees a lost key on the
     * page, named, instead of a plugin failing later. The value is dropped here.
     */
    private Optional<String> readProblem(DSLContext dsl, String name) {
        try {
            secrets.read(dsl, name);
            return Optional.empty();
        } catch (io.gitopsauditor.plugin.api.settings.SecretUnreadableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Stores a secret through the API: refused when a setting of it is fixed by the file or the environment. */
    public synchronized void putSecret(String name, String value, Actor actor, SecurityLog log) {
        String owner = SecretNames.owner(name, pluginIds.get(), groups.get(SettingsGroup.PLATFORM));
        refuseFixedSecret(name);
        if (value == null || value.isEmpty() || value.length() > SettingInput.MAX_TEXT) {
            throw new InvalidSettingsException(List.of(new InvalidSettingsException.FieldError("value",
                    "must be 1 to " + SettingInput.MAX_TEXT + " characters")));
        }
        CurrentValues before = values(owner);
        database.get().transaction(tx -> secrets.put(tx.dsl(), name, owner, value, actor.name()));
        cache.remove(owner);
        log.record("secret-set", actor.name(), actor.client(), "secret '" + name + "'");
        notifySecret(owner, name, before);
    }

    /** @return whether there was one */
    public synchronized boolean deleteSecret(String name, Actor actor, SecurityLog log) {
        String owner = SecretNames.owner(name, pluginIds.get(), groups.get(SettingsGroup.PLATFORM));
        refuseFixedSecret(name);
        CurrentValues before = values(owner);
        boolean deleted = secrets.delete(database.get(), name);
        cache.remove(owner);
        if (deleted) {
            log.record("secret-deleted", actor.name(), actor.client(), "secret '" + name + "'");
            notifySecret(owner, name, before);
        }
        return deleted;
    }

    private void refuseFixedSecret(String name) {
        for (SettingsGroup group : groups.values()) {
            Optional<Setting> setting = group.secretSetting(name);
            if (setting.isPresent()) {
                CurrentValues.Resolved current = values(group.owner()).resolved(setting.get().key());
                if (!current.source().editable()) {
                    throw fixed(group, setting.get().key(), current);
                }
            }
        }
    }

    private void notifySecret(String owner, String name, CurrentValues before) {
        SettingsGroup group = groups.get(owner);
        Set<String> keys = new LinkedHashSet<>();
        if (group != null) {
            group.secretSetting(name).ifPresent(setting -> keys.add(setting.key()));
        }
        if (!keys.isEmpty()) {
            notifyChanged(owner, before, keys);
        }
    }

    /** Stops delivering changes. */
    @Override
    public void close() {
        notifier.shutdownNow();
    }
}
