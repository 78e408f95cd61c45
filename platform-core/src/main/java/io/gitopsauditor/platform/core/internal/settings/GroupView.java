package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.settings.Setting;
import io.gitopsauditor.plugin.api.settings.SettingSource;
import io.gitopsauditor.plugin.api.settings.SettingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One group as {@code GET /api/platform/settings} shows it: a JSON Schema (2020-12) of its settings,
 * the current values, where each comes from, and for fixed ones what fixes them. A secret's value
 * is never here: only whether it is set and since when.
 *
 * @param plugin  {@code platform} or the plugin's id: where to PUT changes
 * @param title   the group's heading
 * @param schema  the JSON Schema; fixed settings are {@code readOnly}
 * @param values  key → value (a secret's: {@code {"set": bool, "updatedAt": ...}})
 * @param sources key → default, dashboard, file or environment
 * @param fixedBy key → the file, variable or "the command line" that fixes it (fixed keys only)
 */
public record GroupView(String plugin, String title, Map<String, Object> schema, Map<String, Object> values,
                        Map<String, String> sources, Map<String, String> fixedBy) {

    /**
     * What the view needs to know of a stored secret, never its value.
     *
     * @param updatedAt when it was set
     * @param problem   why it cannot be read (a lost key), if it cannot
     */
    record StoredSecret(Optional<String> updatedAt, Optional<String> problem) {
    }

    static GroupView of(SettingsGroup group, CurrentValues current, Function<String, StoredSecret> stored) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> fixedBy = new LinkedHashMap<>();
        for (Setting setting : group.settings()) {
            CurrentValues.Resolved resolved = current.resolved(setting.key());
            properties.put(setting.key(), property(setting, !resolved.source().editable()));
            if (setting.required()) {
                required.add(setting.key());
            }
            sources.put(setting.key(), resolved.source().name().toLowerCase(Locale.ROOT));
            if (!resolved.source().editable()) {
                fixedBy.put(setting.key(), resolved.fixedBy());
            }
            if (setting.type() == SettingType.SECRET) {
                Map<String, Object> secret = new LinkedHashMap<>();
                secret.put("set", resolved.source() != SettingSource.DEFAULT);
                StoredSecret known = resolved.source() == SettingSource.DASHBOARD ? stored.apply(group.secretName(setting.key()))
                        : new StoredSecret(Optional.empty(), Optional.empty());
                secret.put("updatedAt", known.updatedAt().orElse(null));
                known.problem().ifPresent(problem -> secret.put("problem", problem));
                values.put(setting.key(), secret);
            } else {
                values.put(setting.key(), resolved.value());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        schema.put("title", group.title());
        schema.put("properties", properties);
        schema.put("required", required);
        return new GroupView(group.owner(), group.title(), schema, values, sources, fixedBy);
    }

    private static Map<String, Object> property(Setting setting, boolean fixed) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", switch (setting.type()) {
            case NUMBER -> "integer";
            case BOOLEAN -> "boolean";
            case LIST -> "array";
            default -> "string";
        });
        property.put("title", setting.title());
        if (!setting.description().isEmpty()) {
            property.put("description", setting.description());
        }
        setting.defaultValue().ifPresent(value -> property.put("default", value));
        property.put("x-setting", setting.type().name().toLowerCase(Locale.ROOT));
        switch (setting.type()) {
            case CHOICE -> property.put("enum", setting.choices());
            case NUMBER -> {
                setting.min().ifPresent(min -> property.put("minimum", min));
                setting.max().ifPresent(max -> property.put("maximum", max));
            }
            case LIST -> {
                Map<String, Object> items = new LinkedHashMap<>();
                items.put("type", "string");
                items.put("x-setting", setting.folders() ? "folder" : "text");
                setting.pattern().ifPresent(pattern -> items.put("pattern", pattern));
                property.put("items", items);
                if (setting.required()) {
                    property.put("minItems", 1);
                }
            }
            case TEXT -> setting.pattern().ifPresent(pattern -> property.put("pattern", pattern));
            case SECRET -> property.put("writeOnly", true);
            default -> {
            }
        }
        if (fixed) {
            property.put("readOnly", true);
        }
        return property;
    }
}
