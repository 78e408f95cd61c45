package io.gitopsauditor.platform.core.internal.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.internal.config.ConfigValue;
import io.gitopsauditor.platform.core.internal.config.ConfigValues;
import io.gitopsauditor.plugin.api.settings.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a value into a setting's typed form: {@code String} (text, choice, folder, secret),
 * {@code Long} (number), {@code Boolean} or {@code List<String>} (list). From the API it
 * validates ({@link #fromJson}); from the file or the environment it converts what it can
 * ({@link #fromText}): those values were the plugin's to check before settings were declared.
 */
final class SettingInput {
    static final int MAX_TEXT = 4096;
    static final int MAX_ITEMS = 1000;

    /** A value that failed validation: the message names the problem, the field is the setting's key. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private SettingInput() {
    }

    /** A value from the API body; {@code null} JSON is handled by the caller (it resets). */
    static Object fromJson(Setting setting, JsonNode node) throws Invalid {
        return switch (setting.type()) {
            case TEXT -> text(setting, requireText(node));
            case SECRET -> {
                String value = requireText(node);
                if (value.isEmpty() || value.length() > MAX_TEXT) {
                    throw new Invalid("must be 1 to " + MAX_TEXT + " characters; send null to remove it");
                }
                yield value;
            }
            case CHOICE -> {
                String value = requireText(node);
                if (!setting.choices().contains(value)) {
                    throw new Invalid("must be one of " + String.join(", ", setting.choices()) + ", got '" + value + "'");
                }
                yield value;
            }
            case FOLDER -> folder(setting, requireText(node).strip());
            case NUMBER -> number(setting, node);
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw new Invalid("must be true or false");
                }
                yield node.booleanValue();
            }
            case LIST -> list(setting, node);
        };
    }

    private static String requireText(JsonNode node) throws Invalid {
        if (!node.isTextual()) {
            throw new Invalid("must be a text");
        }
        return node.textValue();
    }

    private static String text(Setting setting, String value) throws Invalid {
        if (value.length() > MAX_TEXT || value.contains("\n")) {
            throw new Invalid("must be one line of at most " + MAX_TEXT + " characters");
        }
        if (setting.required() && value.isBlank()) {
            throw new Invalid("is required");
        }
        if (!value.isEmpty()) {
            matches(setting, value);
        }
        return value;
    }

    private static void matches(Setting setting, String value) throws Invalid {
        Optional<String> pattern = setting.pattern();
        if (pattern.isPresent() && !Pattern.compile(pattern.get()).matcher(value).matches()) {
            throw new Invalid("'" + value + "' does not have the expected form (" + pattern.get() + ")");
        }
    }

    private static String folder(Setting setting, String value) throws Invalid {
        if (value.isEmpty()) {
            if (setting.required()) {
                throw new Invalid("is required");
            }
            return value;
        }
        Optional<String> problem = FolderCheck.problem(value);
        if (problem.isPresent()) {
            throw new Invalid(problem.get());
        }
        return value;
    }

    private static Long number(Setting setting, JsonNode node) throws Invalid {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new Invalid("must be a whole number" + range(setting));
        }
        long value = node.longValue();
        if (setting.min().filter(min -> value < min).isPresent() || setting.max().filter(max -> value > max).isPresent()) {
            throw new Invalid("must be a whole number" + range(setting) + ", got " + value);
        }
        return value;
    }

    private static String range(Setting setting) {
        if (setting.min().isPresent() && setting.max().isPresent()) {
            return " from " + setting.min().get() + " to " + setting.max().get();
        }
        return setting.min().map(min -> " of at least " + min).orElse(setting.max().map(max -> " of at most " + max).orElse(""));
    }

    private static List<String> list(Setting setting, JsonNode node) throws Invalid {
        if (!node.isArray()) {
            throw new Invalid("must be a list of texts");
        }
        if (node.size() > MAX_ITEMS) {
            throw new Invalid("may hold at most " + MAX_ITEMS + " items");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            String value = requireText(item).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_TEXT) {
                throw new Invalid("items must be at most " + MAX_TEXT + " characters");
            }
            if (setting.folders()) {
                Optional<String> problem = FolderCheck.problem(value);
                if (problem.isPresent()) {
                    throw new Invalid(problem.get());
                }
            } else {
                matches(setting, value);
            }
            if (!items.contains(value)) {
                items.add(value);
            }
        }
        if (setting.required() && items.isEmpty()) {
            throw new Invalid("needs at least one item");
        }
        return List.copyOf(items);
    }

    /**
     * A value stored by an earlier change: typed without checking it again (a folder set then may
     * have gone since; the value set is still the value, and the plugin reports what it finds).
     */
    static Object fromStored(Setting setting, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return switch (setting.type()) {
            case NUMBER -> node.canConvertToLong() ? node.longValue() : node.asText();
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : node.asText();
            case LIST -> {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                yield List.copyOf(items);
            }
            default -> node.asText();
        };
    }

    /** A value from the file or the environment, typed where it parses, else kept as its text. */
    static Object fromText(Setting setting, ConfigValue value) {
        String text = value.value().strip();
        return switch (setting.type()) {
            case NUMBER -> {
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> text;
            };
            case LIST -> ConfigValues.list(value);
            default -> text;
        };
    }

    /** The text form a {@code PluginConfig} reader sees: a list's items joined with commas. */
    static String toText(Object value) {
        if (value instanceof List<?> items) {
            return String.join(",", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
