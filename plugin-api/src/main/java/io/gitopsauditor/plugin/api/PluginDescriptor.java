package io.gitopsauditor.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a plugin is. The id names everything the plugin owns: its REST base path
 * {@code /api/<id>}, its WebSocket channels {@code <id>.<topic>}, its tables {@code <id>_*},
 * its UI at {@code /ui/<id>/} and its configuration {@code plugins.<id>.*}.
 *
 * @param id          lower-case letters, digits and dashes, starting with a letter, at most 32 characters
 * @param version     the plugin's own version, e.g. {@code 1.0.0}
 * @param name        a human-readable name for lists and navigation
 * @param description one sentence on what it does; may be empty
 * @param requiredApi the plugin API version it was built against
 * @param requires    the ids of the plugins it needs (since 0.2): it starts after each of them, and
 *                    is refused, by name, when one is missing, disabled or failed; empty for most plugins
 * @since 0.1
 */
public record PluginDescriptor(String id, String version, String name, String description, ApiVersion requiredApi,
                               List<String> requires) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    /** Ids the kernel keeps for itself: its API, its WebSocket endpoint and its UI paths. */
    private static final Set<String> RESERVED = Set.of("platform", "api", "ws", "ui", "static", "assets");

    /**
     * @throws IllegalArgumentException when the id is malformed or reserved, or a field is missing
     */
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id '" + id
                    + "' must be lower-case letters, digits and dashes, start with a letter, at most 32 characters");
        }
        if (RESERVED.contains(id)) {
            throw new IllegalArgumentException("plugin id '" + id + "' is reserved by the platform");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException(id + ": plugin version must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        Objects.requireNonNull(requiredApi, id + ": required API version");
        requires = requires == null ? List.of() : List.copyOf(requires);
        for (String needed : requires) {
            if (!ID.matcher(needed).matches() || RESERVED.contains(needed)) {
                throw new IllegalArgumentException(id + ": requires '" + needed + "', which is not a valid plugin id");
            }
            if (needed.equals(id)) {
                throw new IllegalArgumentException(id + ": a plugin cannot require itself");
            }
        }
        if (Set.copyOf(requires).size() != requires.size()) {
            throw new IllegalArgumentException(id + ": requires names a plugin twice: " + requires);
        }
    }

    /**
     * A descriptor of a plugin that needs no other plugin (the 0.1 form).
     *
     * @param id          the plugin id
     * @param version     the plugin's version
     * @param name        a human-readable name
     * @param description one sentence
     * @param requiredApi the plugin API version it was built against
     */
    public PluginDescriptor(String id, String version, String name, String description, ApiVersion requiredApi) {
        this(id, version, name, description, requiredApi, List.of());
    }

    /**
     * Starts a descriptor.
     *
     * @param id      the plugin id
     * @param version the plugin version
     * @return a builder
     */
    public static Builder builder(String id, String version) {
        return new Builder(id, version);
    }

    /**
     * The table-name prefix this plugin owns: its id with dashes as underscores, then {@code _}.
     *
     * @return e.g. {@code github_actions_} for id {@code github-actions}
     */
    public String tablePrefix() {
        return id.replace('-', '_') + "_";
    }

    /**
     * Builds a {@link PluginDescriptor}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String id;
        private final String version;
        private String name;
        private String description = "";
        private ApiVersion requiredApi;
        private List<String> requires = List.of();

        private Builder(String id, String version) {
            this.id = id;
            this.version = version;
        }

        /**
         * @param name a human-readable name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param description one sentence on what the plugin does
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param apiVersion the plugin API version compiled against, as a literal, e.g. {@code "0.1"}
         * @return this builder
         */
        public Builder requiresApi(String apiVersion) {
            this.requiredApi = ApiVersion.parse(apiVersion);
            return this;
        }

        /**
         * Declares the plugins this one needs: it starts after them (and stops before them), and is
         * refused by name when one of them is not installed, disabled or failed. Use it only for a
         * real need, e.g. a plugin that reads the audit's extensions.
         *
         * @param pluginIds the ids of the plugins needed
         * @return this builder
         * @since 0.2
         */
        public Builder requires(String... pluginIds) {
            this.requires = List.of(pluginIds);
            return this;
        }

        /**
         * @return the descriptor
         * @throws IllegalArgumentException when a field is invalid or {@link #requiresApi} was not called
         */
        public PluginDescriptor build() {
            if (requiredApi == null) {
                throw new IllegalArgumentException(id + ": the descriptor must say which plugin API it requires");
            }
            return new PluginDescriptor(id, version, name, description, requiredApi, requires);
        }
    }
}
