package io.gitopsauditor.plugin.api.settings;

import java.util.Optional;

/**
 * The platform's secret store, read-only for plugins: reached as
 * {@link io.gitopsauditor.plugin.api.PluginContext#secrets()}. Secrets are written by an admin
 * (the dashboard, or {@code PUT /api/platform/secrets/{name}}), stored encrypted (AES-256-GCM, the
 * key kept apart from the database), and never read back by the API. A plugin reads its own:
 * names starting with {@code <plugin id>.} (a {@link SettingType#SECRET} setting {@code key} is
 * {@code <plugin id>.key}), and the platform's {@code github.token} (which every plugin may
 * already use through {@link io.gitopsauditor.plugin.api.PluginContext#github()}).
 *
 * <pre>{@code
 * String apiKey = context.secrets().get("pipelines.registry-password").orElseThrow(() ->
 *         ProblemException.conflict("Set the registry password on the Settings page first."));
 * }</pre>
 *
 * <p>Never log a secret, put it in an event, an answer or an exception message.
 *
 * @since 0.2
 */
public interface Secrets {

    /**
     * @param name the secret's name, e.g. {@code audit.api-key}
     * @return its value, or empty when it was never set (or was deleted)
     * @throws SecretAccessException     when the name is another plugin's
     * @throws SecretUnreadableException when it is stored but cannot be decrypted (the key was lost or replaced)
     */
    Optional<String> get(String name);
}
