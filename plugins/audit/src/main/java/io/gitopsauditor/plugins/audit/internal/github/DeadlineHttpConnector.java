package io.gitopsauditor.plugins.audit.internal.github;

import io.gitopsauditor.plugin.api.RateLimit;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * github-api's transport on {@code java.net.http}, with a hard deadline per request.
 *
 * <p>Why not github-api's own {@code HttpClientGitHubConnector}: in 1.330 it sets no request
 * timeout and hands the body over as a live stream, so a server that accepts the connection and
 * then never answers (or stalls mid-body) blocks a scan forever. Here each request, body
 * included, must complete within the configured timeout, or the request is cancelled and fails
 * with {@link HttpTimeoutException}.
 *
 * <p>Redirects are not followed here: github-api follows them itself and drops the
 * {@code Authorization} header when one leads to another host.
 *
 * <p>It also remembers the last rate limit a response announced, for
 * {@link io.gitopsauditor.plugin.api.GitHubConnection#observe}. One connector serves one scan; close it after.
 */
final class DeadlineHttpConnector implements GitHubConnector, AutoCloseable {

    private final HttpClient client;
    private final Duration timeout;
    private final AtomicReference<RateLimit> lastRateLimit = new AtomicReference<>();

    DeadlineHttpConnector(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(toHttpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            RateLimitHeaders.parse(response.headers()::firstValue, Instant.now()).ifPresent(lastRateLimit::set);
            return new Response(request, response.statusCode(), response.headers().map(), response.body());
        } catch (TimeoutException late) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            // Keep the flag: the caller turns an interrupted scan back into InterruptedException.
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

    /**
     * @return the rate limit of the latest response that carried one
     */
    Optional<RateLimit> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit.get());
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    private HttpRequest toHttpRequest(GitHubConnectorRequest request) throws IOException {
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
