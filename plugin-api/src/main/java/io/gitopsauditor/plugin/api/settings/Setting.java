package io.gitopsauditor.plugin.api.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One declared setting: its key, type, what the dashboard shows, its default and how it is
 * validated. Built with one of the static factories, then refined:
 *
 * <pre>{@code
 * context.settings().declare(
 *         Setting.list("roots").ofFolders().title("Folders to scan")
 *                 .description("Each is searched for git clones.").build(),
 *         Setting.number("depth").title("Search depth").defaultValue(3).min(1).max(10).build(),
 *         Setting.secret("api-key").title("API key").build());
 * }</pre>
 *
 * <p>The key is the one the config file uses under {@code plugins.<id>.} (kebab-case), so a value
 * there or in its environment variable fixes the setting.
 *
 * @since 0.2
 */
public final class Setting {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");

    private final String key;
    private final SettingType type;
    private final String title;
    private final String description;
    private final Object defaultValue;
    private final List<String> choices;
    private final Long min;
    private final Long max;
    private final String pattern;
    private final boolean required;
    private final boolean folders;

    private Setting(Builder builder) {
        this.key = builder.key;
        this.type = builder.type;
        this.title = builder.title == null ? builder.key : builder.title;
        this.description = builder.description == null ? "" : builder.description;
        this.defaultValue = builder.defaultValue;
        this.choices = List.copyOf(builder.choices);
        this.min = builder.min;
        this.max = builder.max;
        this.pattern = builder.pattern;
        this.required = builder.required;
        this.folders = builder.folders;
    }

    /**
     * @param key the key, kebab-case
     * @return a builder for one line of text
     */
    public static Builder text(String key) {
        return new Builder(key, SettingType.TEXT);
    }

    /**
     * @param key the key
     * @return a builder for a whole number
     */
    public static Builder number(String key) {
        return new Builder(key, SettingType.NUMBER);
    }

    /**
     * @param key the key
     * @return a builder for on/off (default off)
     */
    public static Builder bool(String key) {
        return new Builder(key, SettingType.BOOLEAN).defaultValue(false);
    }

    /**
     * @param key     the key
     * @param choices the allowed values, in the order the dashboard lists them
     * @return a builder for one of the choices
     */
    public static Builder choice(String key, String... choices) {
        Builder builder = new Builder(key, SettingType.CHOICE);
        builder.choices = List.of(choices);
        return builder;
    }

    /**
     * @param key the key
     * @return a builder for several texts (default none)
     */
    public static Builder list(String key) {
        return new Builder(key, SettingType.LIST).defaultValue(List.of());
    }

    /**
     * @param key the key
     * @return a builder for one folder
     */
    public static Builder folder(String key) {
        return new Builder(key, SettingType.FOLDER);
    }

    /**
     * @param key the key
     * @return a builder for a secret, stored as {@code <plugin id>.<key>}
     */
    public static Builder secret(String key) {
        return new Builder(key, SettingType.SECRET);
    }

    /**
     * @return the key, without the {@code plugins.<id>.} prefix
     */
    public String key() {
        return key;
    }

    /**
     * @return the type
     */
    public SettingType type() {
        return type;
    }

    /**
     * @return the label the dashboard shows (the key when none was given)
     */
    public String title() {
        return title;
    }

    /**
     * @return one or two sentences under the label; empty when none
     */
    public String description() {
        return description;
    }

    /**
     * @return the default: a {@code String} (text, choice, folder), {@code Long} (number),
     *         {@code Boolean}, or {@code List<String>} (list); empty when the setting has none
     */
    public Optional<Object> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * @return the allowed values of a choice; empty for other types
     */
    public List<String> choices() {
        return choices;
    }

    /**
     * @return the least allowed number, if limited
     */
    public Optional<Long> min() {
        return Optional.ofNullable(min);
    }

    /**
     * @return the greatest allowed number, if limited
     */
    public Optional<Long> max() {
        return Optional.ofNullable(max);
    }

    /**
     * @return the regular expression a text (or each item of a list of texts) must match whole, if any
     */
    public Optional<String> pattern() {
        return Optional.ofNullable(pattern);
    }

    /**
     * @return whether a value must be given (a list: at least one item)
     */
    public boolean required() {
        return required;
    }

    /**
     * @return for a list: whether its items are folders, each checked like a {@link SettingType#FOLDER}
     */
    public boolean folders() {
        return folders;
    }

    @Override
    public String toString() {
        return "Setting[" + key + ", " + type + "]";
    }

    /**
     * Refines a setting before {@link #build()}.
     *
     * @since 0.2
     */
    public static final class Builder {
        private final String key;
        private final SettingType type;
        private String title;
        private String description;
        private Object defaultValue;
        private List<String> choices = List.of();
        private Long min;
        private Long max;
        private String pattern;
        private boolean required;
        private boolean folders;

        private Builder(String key, SettingType type) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("setting key must be kebab-case (a-z, 0-9, dashes, dots), got '" + key + "'");
            }
            this.key = key;
            this.type = type;
        }

        /**
         * @param title the label
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * @param description one or two sentences
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param value the default text (text, choice, folder)
         * @return this builder
         */
        public Builder defaultValue(String value) {
            return setDefault(Objects.requireNonNull(value, "default"));
        }

        /**
         * @param value the default number
         * @return this builder
         */
        public Builder defaultValue(long value) {
            return setDefault(value);
        }

        /**
         * @param value the default on/off
         * @return this builder
         */
        public Builder defaultValue(boolean value) {
            return setDefault(value);
        }

        /**
         * @param value the default items of a list
         * @return this builder
         */
        public Builder defaultValue(List<String> value) {
            return setDefault(List.copyOf(value));
        }

        private Builder setDefault(Object value) {
            this.defaultValue = value;
            return this;
        }

        /**
         * @param min the least allowed number
         * @return this builder
         */
        public Builder min(long min) {
            this.min = min;
            return this;
        }

        /**
         * @param max the greatest allowed number
         * @return this builder
         */
        public Builder max(long max) {
            this.max = max;
            return this;
        }

        /**
         * @param regex a regular expression the whole text must match (for a list: each item)
         * @return this builder
         */
        public Builder pattern(String regex) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("setting " + key + ": pattern is not a regular expression: " + e.getDescription(), e);
            }
            this.pattern = regex;
            return this;
        }

        /**
         * @return this builder, for a setting that must have a value
         */
        public Builder required() {
            this.required = true;
            return this;
        }

        /**
         * @return this builder, for a list whose items are folders
         */
        public Builder ofFolders() {
            if (type != SettingType.LIST) {
                throw new IllegalArgumentException("setting " + key + ": only a list can hold folders");
            }
            this.folders = true;
            return this;
        }

        /**
         * @return the setting
         * @throws IllegalArgumentException when the default does not fit the type, or a choice has no choices
         */
        public Setting build() {
            if (type == SettingType.CHOICE && choices.isEmpty()) {
                throw new IllegalArgumentException("setting " + key + ": a choice needs at least one choice");
            }
            if (type == SettingType.SECRET && defaultValue != null) {
                throw new IllegalArgumentException("setting " + key + ": a secret has no default");
            }
            if (defaultValue != null && !fits(defaultValue)) {
                throw new IllegalArgumentException("setting " + key + ": default " + defaultValue + " does not fit a " + type);
            }
            return new Setting(this);
        }

        private boolean fits(Object value) {
            return switch (type) {
                case TEXT, FOLDER -> value instanceof String;
                case CHOICE -> value instanceof String text && choices.contains(text);
                case NUMBER -> value instanceof Long;
                case BOOLEAN -> value instanceof Boolean;
                case LIST -> value instanceof List<?>;
                case SECRET -> false;
            };
        }
    }
}
