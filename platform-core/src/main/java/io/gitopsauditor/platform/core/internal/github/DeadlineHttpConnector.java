package io.gitopsauditor.platform.core.internal.github;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * github-api's transport on {@code java.net.http}, with a hard deadline per request and
 * conditional requests.
 *
 * <p>Why not github-api's own {@code HttpClientGitHubConnector}: in 1.330 it sets no request
 * timeout and hands the body over as a live stream, so a server that accepts the connection and
 * then never answers (or stalls mid-body) blocks the caller forever. Here each request, body
 * included, must complete within the configured timeout, or the request is cancelled and fails
 * with {@link HttpTimeoutException}.
 *
 * <p>Redirects are not followed here: github-api follows them itself and drops the
 * {@code Authorization} header when one leads to another host.
 *
 * <p>A {@code GET} whose last answer is in the {@link EtagCache} is sent with
 * {@code If-None-Match}; GitHub's {@code 304} is then handed to github-api as the cached
 * {@code 200}, with the 304's fresh rate-limit headers. Every request and every rate limit a
 * response announced is counted in the {@link GitHubAccounting} all plugins share.
 */
final class DeadlineHttpConnector implements GitHubConnector, AutoCloseable {

    private static final int NOT_MODIFIED = 304;
    private static final int OK = 200;

    private final HttpClient client;
    private final Duration timeout;
    private final EtagCache cache;
    private final GitHubAccounting accounting;

    DeadlineHttpConnector(Duration timeout, EtagCache cache, GitHubAccounting accounting) {
        this.timeout = timeout;
        this.cache = cache;
        this.accounting = accounting;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        Optional<String> cacheKey = cacheKey(request);
        Optional<EtagCache.Answer> cached = cacheKey.flatMap(cache::get);
        HttpResponse<byte[]> response = exchange(toHttpRequest(request, cached.map(EtagCache.Answer::etag)));
        if (response.statusCode() == NOT_MODIFIED && cached.isPresent()) {
            accounting.notModified();
            return new Response(request, OK, withFreshLimits(cached.get().headers(), response.headers().map()),
                    cached.get().body());
        }
        if (response.statusCode() == OK && cacheKey.isPresent()) {
            response.headers().firstValue("ETag").ifPresent(etag ->
                    cache.put(cacheKey.get(), new EtagCache.Answer(etag, response.headers().map(), response.body())));
        }
        return new Response(request, response.statusCode(), response.headers().map(), response.body());
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException {
        accounting.sent();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            RateLimitHeaders.parse(response.headers()::firstValue, Instant.now()).ifPresent(accounting::observe);
            return response;
        } catch (TimeoutException late) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            // Keep the flag: the caller turns an interrupted call back into InterruptedException.
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("GitHub request interrupted");
            io.initCause(interrupted);
            throw io;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("GitHub request failed", failed.getCause());
        }
    }

    /** Only plain GETs are cached, and not when the caller makes its own condition. */
    private static Optional<String> cacheKey(GitHubConnectorRequest request) {
        if (!"GET".equals(request.method()) || request.header("If-None-Match") != null
                || request.header("If-Modified-Since") != null) {
            return Optional.empty();
        }
        // The media type asked for changes the answer (e.g. a raw file instead of its JSON).
        return Optional.of(request.url() + " " + Objects.toString(request.header("Accept"), ""));
    }

    /** The cached answer's headers, with what the 304 says now about the rate limit. */
    private static Map<String, List<String>> withFreshLimits(Map<String, List<String>> cached,
                                                              Map<String, List<String>> fresh) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(cached);
        fresh.forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-ratelimit-") || name.equalsIgnoreCase("date")) {
                merged.put(name, values);
            }
        });
        return merged;
    }

    /** Lets requests in flight finish (a plugin may still hold the old client), takes no new ones. */
    @Override
    public void close() {
        client.shutdown();
    }

    private HttpRequest toHttpRequest(GitHubConnectorRequest request, Optional<String> etag) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(timeout);
        } catch (URISyntaxException badUrl) {
            throw new IOException("invalid GitHub URL " + request.url(), badUrl);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null) {
                builder.header(header.getKey(), String.join(",", header.getValue()));
            }
        }
        etag.ifPresent(value -> builder.header("If-None-Match", value));
        HttpRequest.BodyPublisher body = request.hasBody()
                ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
                : HttpRequest.BodyPublishers.noBody();
        return builder.method(request.method(), body).build();
    }

    /** A fully read response; github-api unzips it when GitHub sent it gzipped. */
    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
