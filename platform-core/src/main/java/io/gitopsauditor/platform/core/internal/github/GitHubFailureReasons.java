package io.gitopsauditor.platform.core.internal.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.plugin.api.GitHubUnavailableException;
import io.gitopsauditor.plugin.api.GitHubUnavailableException.Reason;
import io.gitopsauditor.plugin.api.RateLimit;
import org.kohsuke.github.HttpException;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Explains why a request to GitHub failed, in words for the person reading it: the one mapping
 * every plugin gets through {@link io.gitopsauditor.plugin.api.GitHubConnection#explain}.
 *
 * <p>github-api wraps failures differently depending on where they happen (a single fetch throws
 * {@code HttpException} or {@code GHFileNotFoundException}, paging wraps those in an unchecked
 * {@code GHException}, a non-HTTP failure becomes an {@code HttpException} with status -1 or 200),
 * so the whole cause chain is searched for the telling exception rather than the top one.
 *
 * <p>No message contains the token: none is built from it, and as a last guard any occurrence of
 * it (a server might echo it back in an error body) is blotted out.
 */
final class GitHubFailureReasons {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final int MAX_GITHUB_MESSAGE = 200;

    private final GitHubSettings settings;

    GitHubFailureReasons(GitHubSettings settings) {
        this.settings = settings;
    }

    /**
     * @param failure what github-api or the transport threw
     * @return the same failure as users should read it
     */
    GitHubUnavailableException explain(Throwable failure) {
        if (failure instanceof GitHubUnavailableException explained) {
            return explained;
        }
        Optional<GitHubLimitReachedException> limit = find(failure, GitHubLimitReachedException.class);
        if (limit.isPresent()) {
            return limitReached(limit.get(), failure);
        }
        Optional<HttpException> http = find(failure, HttpException.class).filter(e -> e.getResponseCode() >= 400);
        if (http.isPresent()) {
            return httpError(http.get().getResponseCode(), githubMessage(http.get().getMessage()), failure);
        }
        if (find(failure, FileNotFoundException.class).isPresent()) {
            return httpError(404, Optional.empty(), failure);
        }
        if (find(failure, HttpConnectTimeoutException.class).isPresent()) {
            return failed(Reason.TIMEOUT, "GitHub at " + where() + " did not accept a connection within "
                    + seconds(settings.timeout()), failure);
        }
        if (find(failure, HttpTimeoutException.class).isPresent()) {
            return failed(Reason.TIMEOUT, "GitHub at " + where() + " did not answer within " + seconds(settings.timeout()),
                    failure);
        }
        if (find(failure, ConnectException.class).isPresent()) {
            return failed(Reason.UNREACHABLE, "cannot reach GitHub at " + where() + ": connection refused", failure);
        }
        if (find(failure, UnknownHostException.class).isPresent()
                || find(failure, UnresolvedAddressException.class).isPresent()) {
            return failed(Reason.UNREACHABLE, "cannot reach GitHub at " + where() + ": unknown host", failure);
        }
        if (find(failure, JsonProcessingException.class).isPresent()) {
            return failed(Reason.BAD_ANSWER, "GitHub at " + where() + " answered something that is not the JSON of its API",
                    failure);
        }
        // No class name: it means nothing to the reader. The failure stays the exception's cause, for the log.
        return failed(Reason.UNEXPECTED, "the request to GitHub failed unexpectedly; try again, and see the server log"
                + " if it persists", failure);
    }

    private GitHubUnavailableException limitReached(GitHubLimitReachedException limit, Throwable failure) {
        if (limit.secondaryLimit()) {
            return failed(Reason.SECONDARY_RATE_LIMITED, "GitHub's secondary rate limit was reached (too many requests"
                    + " at once); try again " + limit.retryAfter().map(wait -> "in " + seconds(wait)).orElse("in a minute"),
                    failure);
        }
        Optional<RateLimit> rateLimit = limit.rateLimit();
        if (rateLimit.isEmpty()) {
            return failed(Reason.RATE_LIMITED, "GitHub rate limit reached; try again later", failure);
        }
        Instant resetAt = rateLimit.get().resetAt();
        String perHour = rateLimit.get().limit() + " requests per hour";
        String message = "GitHub rate limit reached; resets at " + CLOCK.format(resetAt) + " UTC ("
                + (settings.hasToken() ? perHour + " for this token)" : perHour + "; set github.token to raise it)");
        return new GitHubUnavailableException(Reason.RATE_LIMITED, withoutToken(message), 403, resetAt, null, failure);
    }

    private GitHubUnavailableException httpError(int status, Optional<String> githubSays, Throwable failure) {
        String detail = githubSays.map(text -> ": " + text).orElse("");
        Reason reason = switch (status) {
            case 401 -> settings.hasToken() ? Reason.TOKEN_REFUSED : Reason.TOKEN_REQUIRED;
            case 403 -> Reason.FORBIDDEN;
            case 404 -> Reason.NOT_FOUND;
            default -> status >= 500 ? Reason.SERVER_ERROR : Reason.REFUSED;
        };
        String message = switch (reason) {
            case TOKEN_REQUIRED -> "GitHub requires a token (401): set github.token";
            case TOKEN_REFUSED -> "GitHub refused the token (401): check github.token";
            case FORBIDDEN -> "GitHub refused access (403)" + detail;
            // Elsewhere than github.com the address itself may be wrong (…/api instead of …/api/v3): show it.
            case NOT_FOUND -> "GitHub has no such resource, or the token may not see it (404)"
                    + (onGitHubDotCom() ? "" : " at " + where());
            case SERVER_ERROR -> "GitHub at " + where() + " failed to answer (HTTP " + status + "); try again later";
            default -> "GitHub answered HTTP " + status + detail;
        };
        return new GitHubUnavailableException(reason, withoutToken(message), status, null,
                githubSays.map(this::withoutToken).orElse(null), failure);
    }

    private GitHubUnavailableException failed(Reason reason, String message, Throwable failure) {
        return new GitHubUnavailableException(reason, withoutToken(message), 0, null, null, failure);
    }

    /** GitHub's error bodies are {@code {"message": "...", "documentation_url": "..."}}; anything else is dropped. */
    private static Optional<String> githubMessage(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode message = JSON.readTree(body).path("message");
            String text = message.isTextual() ? message.asText().strip() : "";
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(text.length() > MAX_GITHUB_MESSAGE ? text.substring(0, MAX_GITHUB_MESSAGE) + "…" : text);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private boolean onGitHubDotCom() {
        return "api.github.com".equalsIgnoreCase(settings.apiUrl().getHost());
    }

    /** The configured address, without any user info it may carry: that could be a credential. */
    private String where() {
        URI url = settings.apiUrl();
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + Objects.toString(url.getRawPath(), "");
    }

    private String withoutToken(String message) {
        return settings.token().filter(token -> !token.isBlank())
                .map(token -> message.replace(token, "***"))
                .orElse(message);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The first exception of that type in the cause chain (suppressed ones aside), guarding against cycles. */
    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable current = failure; current != null && seen.put(current, true) == null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
        }
        return Optional.empty();
    }
}
