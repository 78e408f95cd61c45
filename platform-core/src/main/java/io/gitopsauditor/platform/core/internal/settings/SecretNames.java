package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.settings.SecretAccessException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naming rule of the secret store, in one place: a secret is {@code <owner>.<name>}, where the
 * owner is a plugin's id (its secrets) or {@code github} (the platform's {@code github.token}). A
 * plugin reads its own and {@code github.token}, which it can already use through the GitHub
 * connection; nothing else.
 */
final class SecretNames {
    static final String GITHUB_TOKEN = "github.token";
    private static final Pattern NAME = Pattern.compile("([a-z0-9][a-z0-9-]{0,63})\\.[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SecretNames() {
    }

    /**
     * @return the owner of a name written through the API: {@code platform} for a declared platform secret, else the plugin id
     * @throws ProblemException 400 for a malformed name or an unknown owner
     */
    static String owner(String name, Set<String> pluginIds, SettingsGroup platform) {
        var matcher = name == null ? null : NAME.matcher(name);
        if (matcher == null || !matcher.matches()) {
            throw ProblemException.invalidInput("A secret's name is <plugin id>.<name> (letters, digits, dots, dashes,"
                    + " underscores), e.g. audit.api-key, or github.token.");
        }
        if (platform != null && platform.secretSetting(name).isPresent()) {
            return SettingsGroup.PLATFORM;
        }
        String prefix = matcher.group(1);
        if (!pluginIds.contains(prefix)) {
            throw ProblemException.invalidInput("No plugin '" + prefix + "' owns secret '" + name
                    + "': a secret's name starts with its plugin's id, and github.token is the platform's.");
        }
        return prefix;
    }

    /** Refuses a plugin a name that is neither its own nor {@code github.token}. */
    static void checkReadable(String pluginId, String name) {
        if (name == null || !(name.startsWith(pluginId + ".") || name.equals(GITHUB_TOKEN))) {
            throw new SecretAccessException(pluginId + ": may read its own secrets (" + pluginId + ".*) and " + GITHUB_TOKEN
                    + ", not '" + name + "'");
        }
    }
}
