package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.platform.core.internal.config.ConfigException;
import io.gitopsauditor.platform.core.internal.config.ConfigValue;
import io.gitopsauditor.platform.core.internal.config.ConfigValues;
import io.gitopsauditor.platform.core.internal.github.GitHubSettings;
import io.gitopsauditor.plugin.api.settings.SecretUnreadableException;
import io.gitopsauditor.plugin.api.settings.Setting;
import io.gitopsauditor.plugin.api.settings.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's settings group "GitHub": {@code github.api-url}, {@code github.timeout} and the
 * token {@code github.token} (a secret: set in the dashboard it lives in the secret store; set in
 * the file or the environment it still works, and shows as fixed). Every change builds new
 * {@link GitHubSettings} and hands them to the shared GitHub client.
 */
public final class GitHubGroup {
    private static final Logger LOG = LoggerFactory.getLogger(GitHubGroup.class);
    static final String API_URL = "github.api-url";
    static final String TIMEOUT = "github.timeout";
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    private GitHubGroup() {
    }

    /** Declares the group. */
    public static void declare(SettingsService service) {
        service.declarePlatform("GitHub", List.of(
                Setting.text(API_URL).title("GitHub API address")
                        .description("https://api.github.com, or for GitHub Enterprise Server https://<host>/api/v3."
                                + " The token is sent there.")
                        .defaultValue("https://api.github.com").pattern("https?://[^\\s/?#]+(/[^\\s?#]*)?").required().build(),
                Setting.text(TIMEOUT).title("Request timeout")
                        .description("How long one request to GitHub may take, e.g. 20s or 1m.")
                        .defaultValue("20s").pattern("\\d{1,9}\\s*(ms|s|m|h|d)").required().build(),
                Setting.secret(SecretNames.GITHUB_TOKEN).title("GitHub token")
                        .description("A token that can read the repositories of the owners you audit; without one,"
                                + " GitHub allows 60 requests an hour and no private repositories.").build()));
    }

    /**
     * The GitHub settings as they stand now; a value that does not make sense (an unreadable token,
     * a timeout under 100 ms) is logged and the previous one kept.
     */
    public static GitHubSettings current(SettingsService service, GitHubSettings previous) {
        SettingValues values = service.values(SettingsGroup.PLATFORM);
        URI apiUrl = previous.apiUrl();
        Duration timeout = previous.timeout();
        try {
            apiUrl = URI.create(ConfigValues.httpUrl(API_URL, new ConfigValue(values.string(API_URL, "https://api.github.com"), "settings"),
                    "https://github.example.org/api/v3").toString().replaceAll("/+$", ""));
            Duration wanted = values.duration(TIMEOUT, Duration.ofSeconds(20));
            timeout = wanted.compareTo(MIN_TIMEOUT) < 0 ? previous.timeout() : wanted;
        } catch (ConfigException | io.gitopsauditor.plugin.api.PluginConfigException e) {
            LOG.warn("GitHub settings kept as they were: {}", e.getMessage());
        }
        Optional<String> token;
        try {
            token = service.secret(SecretNames.GITHUB_TOKEN).map(String::strip).filter(value -> !value.isEmpty());
        } catch (SecretUnreadableException e) {
            LOG.warn("GitHub is used without a token: {}", e.getMessage());
            token = Optional.empty();
        }
        return new GitHubSettings(apiUrl, token, timeout);
    }

    /**
     * The seam to the shared GitHub client: after each change of the group, new settings go to
     * {@code reconfigure} (the client's {@code reconfigure}), on the settings thread.
     */
    public static void follow(SettingsService service, GitHubSettings initial, Consumer<GitHubSettings> reconfigure) {
        java.util.concurrent.atomic.AtomicReference<GitHubSettings> last = new java.util.concurrent.atomic.AtomicReference<>(initial);
        service.listen(SettingsGroup.PLATFORM, change -> {
            GitHubSettings next = current(service, last.get());
            last.set(next);
            LOG.info("GitHub settings changed ({}): {}", String.join(", ", change.changed()), next);
            reconfigure.accept(next);
        });
    }
}
