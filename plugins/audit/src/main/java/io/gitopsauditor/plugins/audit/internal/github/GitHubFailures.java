package io.gitopsauditor.plugins.audit.internal.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.RateLimit;
import io.gitopsauditor.plugin.api.inventory.SourceUnavailableException;
import org.kohsuke.github.HttpException;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Explains why listing a GitHub account failed, in words for the person reading the inventory.
 *
 * <p>github-api wraps failures differently depending on where they happen (a single fetch throws
 * {@code HttpException} or {@code GHFileNotFoundException}, paging wraps those in an unchecked
 * {@code GHException}, a non-HTTP failure becomes an {@code HttpException} with status -1 or 200),
 * so the whole cause chain is searched for the telling exception rather than the top one.
 *
 * <p>No message contains the token: none is built from it, and as a last guard any occurrence of
 * it (a server might echo it back in an error body) is blotted out.
 */
final class GitHubFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final int MAX_GITHUB_MESSAGE = 200;

    private final GitHubConnection connection;
    private final String owner;

    GitHubFailures(GitHubConnection connection, String owner) {
        this.connection = connection;
        this.owner = owner;
    }

    /**
     * @param failure what github-api or the transport threw
     * @return the same failure as users should read it
     */
    SourceUnavailableException explain(Throwable failure) {
        return new SourceUnavailableException(withoutToken(describe(failure)), failure);
    }

    private String describe(Throwable failure) {
        Optional<GitHubLimitReachedException> limit = find(failure, GitHubLimitReachedException.class);
        if (limit.isPresent()) {
            return limitReached(limit.get());
        }
        Optional<HttpException> http = find(failure, HttpException.class).filter(e -> e.getResponseCode() >= 400);
        if (http.isPresent()) {
            return httpError(http.get().getResponseCode(), githubMessage(http.get().getMessage()));
        }
        if (find(failure, FileNotFoundException.class).isPresent()) {
            return httpError(404, Optional.empty());
        }
        if (find(failure, HttpConnectTimeoutException.class).isPresent()) {
            return "GitHub at " + where() + " did not accept a connection within " + seconds(connection.timeout());
        }
        if (find(failure, HttpTimeoutException.class).isPresent()) {
            return "GitHub at " + where() + " did not answer within " + seconds(connection.timeout());
        }
        if (find(failure, ConnectException.class).isPresent()) {
            return "cannot reach GitHub at " + where() + ": connection refused";
        }
        if (find(failure, UnknownHostException.class).isPresent()
                || find(failure, UnresolvedAddressException.class).isPresent()) {
            return "cannot reach GitHub at " + where() + ": unknown host";
        }
        if (find(failure, JsonProcessingException.class).isPresent()) {
            return "GitHub at " + where() + " answered something that is not the JSON of its API";
        }
        // No class name: it means nothing to the reader. The failure stays the exception's cause, for the log.
        return "listing " + owner + "'s repositories on GitHub failed unexpectedly; try again, and see the server log if it persists";
    }

    private String limitReached(GitHubLimitReachedException limit) {
        if (limit.secondaryLimit()) {
            return "GitHub's secondary rate limit was reached (too many requests at once); try again "
                    + limit.retryAfter().map(wait -> "in " + seconds(wait)).orElse("in a minute");
        }
        Optional<RateLimit> rateLimit = limit.rateLimit();
        if (rateLimit.isEmpty()) {
            return "GitHub rate limit reached; try again later";
        }
        String perHour = rateLimit.get().limit() + " requests per hour";
        return "GitHub rate limit reached; resets at " + CLOCK.format(rateLimit.get().resetAt()) + " UTC ("
                + (anonymous() ? perHour + "; set github.token to raise it)" : perHour + " for this token)");
    }

    private String httpError(int status, Optional<String> githubSays) {
        String detail = githubSays.map(text -> ": " + text).orElse("");
        return switch (status) {
            case 401 -> anonymous()
                    ? "GitHub requires a token (401): set github.token"
                    : "GitHub refused the token (401): check github.token";
            case 403 -> "GitHub refused access to " + owner + "'s repositories (403)" + detail;
            // Elsewhere than github.com the address itself may be wrong (…/api instead of …/api/v3): show it.
            case 404 -> "no GitHub user or organisation named " + owner + (onGitHubDotCom() ? "" : " at " + where());
            default -> status >= 500
                    ? "GitHub at " + where() + " failed to answer (HTTP " + status + "); try again later"
                    : "GitHub answered HTTP " + status + " when listing " + owner + "'s repositories" + detail;
        };
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

    private boolean anonymous() {
        return connection.token().filter(token -> !token.isBlank()).isEmpty();
    }

    private boolean onGitHubDotCom() {
        return GitHubHosts.fromApiUrl(connection.apiUrl()).filter("github.com"::equals).isPresent();
    }

    private String where() {
        URI apiUrl = connection.apiUrl();
        return RemoteUrls.redact(apiUrl.toString());
    }

    private String withoutToken(String message) {
        return connection.token().filter(token -> !token.isBlank())
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
