package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.EventBus;
import io.gitopsauditor.plugin.api.PluginStateException;
import io.gitopsauditor.plugin.api.settings.Setting;
import io.gitopsauditor.plugin.api.settings.SettingValues;
import io.gitopsauditor.plugin.api.settings.Settings;
import io.gitopsauditor.plugin.api.settings.SettingsChange;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** One plugin's window on the settings service: declare in register, read and follow from start on. */
public final class PluginSettings implements Settings {
    private final SettingsService service;
    private final String pluginId;
    private final String title;
    private final BooleanSupplier registrationOpen;
    private final BooleanSupplier databaseReady;
    private final Consumer<EventBus.Subscription> owned;

    /**
     * @param owned keeps each listener's subscription, so that the platform ends them when the plugin stops
     */
    public PluginSettings(SettingsService service, String pluginId, String title, BooleanSupplier registrationOpen,
                          BooleanSupplier databaseReady, Consumer<EventBus.Subscription> owned) {
        this.service = service;
        this.pluginId = pluginId;
        this.title = title;
        this.registrationOpen = registrationOpen;
        this.databaseReady = databaseReady;
        this.owned = owned;
    }

    @Override
    public void declare(Setting... settings) {
        if (!registrationOpen.getAsBoolean()) {
            throw new PluginStateException(pluginId + ": settings can only be declared in register()");
        }
        service.declarePlugin(pluginId, title, List.of(settings));
    }

    @Override
    public SettingValues values() {
        if (!databaseReady.getAsBoolean()) {
            throw new PluginStateException(pluginId + ": settings values are available from start() on, once the"
                    + " platform's migrations ran; read plain configuration in register() with context.config()");
        }
        return service.values(pluginId);
    }

    @Override
    public EventBus.Subscription onChange(Consumer<SettingsChange> listener) {
        EventBus.Subscription subscription = service.listen(pluginId, listener);
        owned.accept(subscription);
        return subscription;
    }
}
