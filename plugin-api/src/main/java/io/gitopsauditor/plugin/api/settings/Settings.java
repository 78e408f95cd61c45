package io.gitopsauditor.plugin.api.settings;

import io.gitopsauditor.plugin.api.EventBus;
import java.util.function.Consumer;

/**
 * A plugin's declared settings, reached as {@link io.gitopsauditor.plugin.api.PluginContext#settings()}.
 *
 * <pre>{@code
 * public void register(PluginContext context) {
 *     context.settings().declare(Setting.text("greeting").title("Greeting").defaultValue("Hello").build());
 * }
 *
 * public void start(PluginContext context) {
 *     greeting = context.settings().values().string("greeting", "Hello");
 *     context.settings().onChange(change -> greeting = change.after().string("greeting", "Hello"));
 * }
 * }</pre>
 *
 * @since 0.2
 */
public interface Settings {

    /**
     * Declares settings; in {@code register} only. They form one group on the dashboard's Settings
     * page, titled with the plugin's name, in the order declared.
     *
     * @param settings the settings
     * @throws io.gitopsauditor.plugin.api.PluginStateException after register
     * @throws IllegalArgumentException when a key is declared twice
     */
    void declare(Setting... settings);

    /**
     * The current values: each declared setting's from its winning source, and for any key not
     * declared, the configuration (as {@link io.gitopsauditor.plugin.api.PluginContext#config()}).
     * A snapshot: it does not change after it was taken.
     *
     * @return the values now
     * @throws io.gitopsauditor.plugin.api.PluginStateException when called in register (the stored values are read
     *                                                          once the platform's migrations ran)
     */
    SettingValues values();

    /**
     * Calls {@code listener} after each committed change of this plugin's settings (through the
     * dashboard or the API), on a platform thread, never the request's: take your time, and
     * don't block forever. Changes are delivered one at a time, in order. Listeners end when the
     * plugin stops.
     *
     * @param listener what to do with a change
     * @return a handle that removes the listener
     */
    EventBus.Subscription onChange(Consumer<SettingsChange> listener);
}
