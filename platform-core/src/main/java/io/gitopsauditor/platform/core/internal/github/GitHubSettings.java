package io.gitopsauditor.platform.core.internal.github;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach GitHub: {@code github.api-url}, {@code github.token}, {@code github.timeout}.
 * {@link #toString()} never shows the token, so the settings can be logged.
 *
 * @param apiUrl  the REST API base, https://api.github.com unless GitHub Enterprise (or a test server)
 * @param token   the token, if configured
 * @param timeout how long one request may take
 */
public record GitHubSettings(URI apiUrl, Optional<String> token, Duration timeout) {

    @Override
    public String toString() {
        return "GitHubSettings[apiUrl=" + apiUrl + ", token=" + (token.isPresent() ? "(set)" : "(none)") + ", timeout=" + timeout + "]";
    }
}
