package io.gitopsauditor.platform.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.boot.Platform;
import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.plugin.api.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real platform booted on a random loopback port with a real SQLite file in a temp folder,
 * and a plain JDK HTTP client to talk to it.
 */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken;

    private TestServer(Platform platform) {
        this.platform = platform;
        this.adminToken = createToken(Scope.ADMIN);
    }

    /** A new API token of the given scope. */
    public String createToken(Scope scope) {
        return platform.securityStore().createToken("test-" + scope.name().toLowerCase(java.util.Locale.ROOT), scope, "tests").token();
    }

    /** The admin token every request of this helper carries unless sent {@link #anonymously}. */
    public String adminToken() {
        return adminToken;
    }

    /** A WebSocket connection authenticated with the admin token. */
    public WebSocketProbe webSocket() {
        return WebSocketProbe.connect(client, webSocketUri(), Map.of("Authorization", "Bearer " + adminToken));
    }

    /** Boots with data in {@code dataDir}, plugins from {@code dataDir/plugins}, and any extra settings. */
    public static TestServer start(Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("data-dir", dataDir.toString());
        all.putIfAbsent("server.port", "0");
        return new TestServer(Platform.boot(ConfigSource.of(all)));
    }

    /**
     * Boots with a config file (or {@code null}) and environment variables as well: for settings a
     * file or the environment fixes.
     */
    public static TestServer start(Path dataDir, Path configFile, Map<String, String> environment, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("data-dir", dataDir.toString());
        all.putIfAbsent("server.port", "0");
        return new TestServer(Platform.boot(ConfigSource.load(configFile, environment, all)));
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public Platform platform() {
        return platform;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + platform.port() + path);
    }

    public URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + platform.port() + "/ws");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> putJson(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    /** Sends with the admin token. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return anonymously(request.header("Authorization", "Bearer " + adminToken));
    }

    /** Sends exactly what the builder holds: no credentials unless the test added them. */
    public HttpResponse<String> anonymously(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return client;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The plugin list entry with this id. */
    public JsonNode plugin(String id) {
        for (JsonNode plugin : json(get("/api/platform/plugins"))) {
            if (plugin.path("id").asText().equals(id)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin '" + id + "' in " + get("/api/platform/plugins").body());
    }

    @Override
    public void close() {
        platform.close();
    }
}
