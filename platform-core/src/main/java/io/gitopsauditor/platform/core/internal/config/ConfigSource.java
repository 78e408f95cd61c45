package io.gitopsauditor.platform.core.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The merged configuration as flat, dotted, kebab-case keys ({@code server.port},
 * {@code plugins.hello.greeting}). Later layers win: built-in defaults (those of the installation,
 * such as its {@code plugins/} folder, then the kernel's own), then the YAML file, then
 * environment variables ({@code GITOPS_AUDITOR_} + the key in upper case with dots and dashes as
 * underscores), then command-line flags.
 */
public final class ConfigSource {
    public static final String ENV_PREFIX = "GITOPS_AUDITOR_";
    private static final String COMMAND_LINE = "the command line";

    private final Map<String, ConfigValue> values;
    private final Map<String, String> environment;
    private final Map<String, String> installationDefaults;

    private ConfigSource(Map<String, ConfigValue> values, Map<String, String> environment, Map<String, String> installationDefaults) {
        this.values = values;
        this.environment = environment;
        this.installationDefaults = installationDefaults;
    }

    /**
     * @param file        the YAML file, or {@code null} for none
     * @param environment the process environment
     * @param flags       values given on the command line, by key
     */
    public static ConfigSource load(Path file, Map<String, String> environment, Map<String, String> flags) {
        return load(file, environment, flags, Map.of());
    }

    /**
     * @param installationDefaults defaults that depend on where the product is installed, below every other layer
     */
    public static ConfigSource load(Path file, Map<String, String> environment, Map<String, String> flags,
                                    Map<String, String> installationDefaults) {
        Map<String, ConfigValue> merged = new TreeMap<>();
        if (file != null) {
            readYaml(file).forEach((key, value) -> merged.put(key, new ConfigValue(value, file.toString())));
        }
        return new ConfigSource(merged, Map.copyOf(environment), Map.copyOf(installationDefaults)).withFlags(flags);
    }

    /** Configuration from explicit values only, for tests and tools. */
    public static ConfigSource of(Map<String, String> values) {
        return new ConfigSource(new TreeMap<>(), Map.of(), Map.of()).withFlags(values);
    }

    private ConfigSource withFlags(Map<String, String> flags) {
        flags.forEach((key, value) -> {
            if (value != null) {
                values.put(key, new ConfigValue(value, COMMAND_LINE));
            }
        });
        return this;
    }

    /** The environment variable that overrides a key. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The effective value of a key: a flag, else its environment variable, else the file. */
    public Optional<ConfigValue> get(String key) {
        ConfigValue value = values.get(key);
        if (value != null && value.source().equals(COMMAND_LINE)) {
            return Optional.of(value);
        }
        String env = environment.get(envName(key));
        if (env != null) {
            return Optional.of(new ConfigValue(env, envName(key)));
        }
        if (value == null && installationDefaults.containsKey(key)) {
            return Optional.of(new ConfigValue(installationDefaults.get(key), "the installation's default"));
        }
        return Optional.ofNullable(value);
    }

    /** Keys set in the file or by flags (environment variables are looked up by key, not listed). */
    public List<String> keys() {
        return Collections.unmodifiableList(new ArrayList<>(values.keySet()));
    }

    private static Map<String, String> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        Map<String, String> flat = new TreeMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new ConfigException("config file " + file + " must hold a mapping of keys, e.g. 'server:'");
            }
            flatten("", root, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            into.put(prefix, String.join(",", items));
        } else if (!node.isNull()) {
            into.put(prefix, node.asText());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
