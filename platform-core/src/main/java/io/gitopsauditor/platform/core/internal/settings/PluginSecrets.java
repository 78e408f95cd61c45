package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.PluginStateException;
import io.gitopsauditor.plugin.api.settings.Secrets;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** One plugin's read-only window on the secret store: its own names and {@code github.token} (see {@link SecretNames}). */
public final class PluginSecrets implements Secrets {
    private final SettingsService service;
    private final String pluginId;
    private final BooleanSupplier databaseReady;

    public PluginSecrets(SettingsService service, String pluginId, BooleanSupplier databaseReady) {
        this.service = service;
        this.pluginId = pluginId;
        this.databaseReady = databaseReady;
    }

    @Override
    public Optional<String> get(String name) {
        SecretNames.checkReadable(pluginId, name);
        if (!databaseReady.getAsBoolean()) {
            throw new PluginStateException(pluginId + ": secrets can be read from start() on");
        }
        return service.secret(name);
    }

    @Override
    public String toString() {
        return "Secrets[" + pluginId + "]";
    }
}
