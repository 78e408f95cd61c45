package io.gitopsauditor.plugin.api.settings;

import java.util.Set;

/**
 * One committed change of a plugin's settings.
 *
 * @param before  the values before
 * @param after   the values after
 * @param changed the keys whose value or source changed (a secret setting's key when the secret was set or removed)
 * @since 0.2
 */
public record SettingsChange(SettingValues before, SettingValues after, Set<String> changed) {

    /**
     * @param keys keys to look for
     * @return whether any of them changed
     */
    public boolean changedAny(String... keys) {
        for (String key : keys) {
            if (changed.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
