package io.gitopsauditor.platform.core.internal.github;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach GitHub: {@code github.api-url}, {@code github.token}, {@code github.timeout},
 * {@code github.cache-entries}. Immutable: a change of settings is a new record handed to
 * {@link ConfiguredGitHub#reconfigure}. {@link #toString()} never shows the token, so the
 * settings can be logged.
 *
 * @param apiUrl       the REST API base, https://api.github.com unless GitHub Enterprise (or a test server)
 * @param token        the token, if configured
 * @param timeout      how long one request may take
 * @param cacheEntries how many answers the ETag cache keeps; 0 switches conditional requests off
 */
public record GitHubSettings(URI apiUrl, Optional<String> token, Duration timeout, int cacheEntries) {

    /** The default of {@code github.cache-entries}. */
    public static final int DEFAULT_CACHE_ENTRIES = 500;

    /**
     * @throws NullPointerException     when a setting is missing
     * @throws IllegalArgumentException when the timeout is not positive or the cache size negative
     */
    public GitHubSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("github.timeout must be positive, got " + timeout);
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("github.cache-entries must be 0 or more, got " + cacheEntries);
        }
    }

    /** Settings with the default cache size. */
    public GitHubSettings(URI apiUrl, Optional<String> token, Duration timeout) {
        this(apiUrl, token, timeout, DEFAULT_CACHE_ENTRIES);
    }

    /** @return whether a non-blank token is configured */
    public boolean hasToken() {
        return token.filter(value -> !value.isBlank()).isPresent();
    }

    @Override
    public String toString() {
        return "GitHubSettings[apiUrl=" + apiUrl + ", token=" + (hasToken() ? "(set)" : "(none)") + ", timeout=" + timeout
                + ", cacheEntries=" + cacheEntries + "]";
    }
}
