package io.gitopsauditor.platform.core.internal.plugin;

import io.gitopsauditor.platform.core.internal.db.Migration;
import io.gitopsauditor.plugin.api.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one plugin contributed during {@code register}, recorded so that the kernel serves
 * exactly this and, if the plugin fails, serves none of it.
 */
public final class Contributions {
    private final List<Object> restResources = new ArrayList<>();
    private final Map<String, Scope> channels = new LinkedHashMap<>();
    private final List<Migration> migrations = new ArrayList<>();
    private UiBundle uiBundle;

    /**
     * A plugin's UI bundle.
     *
     * @param folder the resource folder in the plugin's module, e.g. {@code META-INF/ui/hello}
     * @param entry  the ES module to import, relative to the folder
     * @param loader the class loader that reads the plugin's resources
     */
    public record UiBundle(String folder, String entry, ClassLoader loader) {
    }

    void addRestResource(Object resourceOrClass) {
        restResources.add(resourceOrClass);
    }

    void addChannel(String channel, Scope scope) {
        channels.put(channel, scope);
    }

    void addMigration(Migration migration) {
        if (migrations.stream().anyMatch(m -> m.version() == migration.version())) {
            throw new IllegalArgumentException("migration version " + migration.version() + " is used twice");
        }
        migrations.add(migration);
    }

    void uiBundle(UiBundle bundle) {
        if (uiBundle != null) {
            throw new IllegalArgumentException("a plugin has one UI bundle; it was already declared at " + uiBundle.folder());
        }
        uiBundle = bundle;
    }

    /** Resource instances and classes, in registration order. */
    public List<Object> restResources() {
        return Collections.unmodifiableList(restResources);
    }

    public Set<String> channels() {
        return Collections.unmodifiableSet(channels.keySet());
    }

    /** Each channel with the scope its subscribers need, in declaration order. */
    public Map<String, Scope> channelScopes() {
        return Collections.unmodifiableMap(channels);
    }

    public List<Migration> migrations() {
        return Collections.unmodifiableList(migrations);
    }

    public Optional<UiBundle> uiBundle() {
        return Optional.ofNullable(uiBundle);
    }
}
