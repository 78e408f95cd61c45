package io.gitopsauditor.platform.core.internal.config;

import io.gitopsauditor.platform.core.internal.git.GitSettings;
import io.gitopsauditor.platform.core.internal.github.GitHubSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The kernel's own settings, read once at boot from a {@link ConfigSource} and validated (fail fast,
 * by key). Every default here is listed, commented, in {@code distribution/src/conf/gitops-auditor.yml}
 * and {@code docs/configuration.md}.
 *
 * @param dataDir             where the database and per-plugin data live ({@code data-dir}, default {@code ./data})
 * @param pluginsDir          where third-party plugin jars are dropped ({@code plugins-dir}; default the
 *                            installation's {@code plugins/}, or {@code <data-dir>/plugins} from the source tree)
 * @param bind                the address the HTTP server listens on ({@code server.bind}, default 127.0.0.1)
 * @param port                the HTTP port, 0 for any free one ({@code server.port}, default 8080)
 * @param shutdownTimeout     how long in-flight requests may finish on stop ({@code server.shutdown-timeout}, 10s)
 * @param publicUrl           the URL users reach the server at, e.g. behind a TLS proxy ({@code server.public-url}, none):
 *                            its origin is accepted on cross-origin checks and https makes session cookies Secure
 * @param maxRequestSize      the largest request body in bytes, else 413 ({@code server.max-request-size}, 1048576)
 * @param maxHeaderSize       the largest request header block in bytes, else 431 ({@code server.max-header-size}, 16384)
 * @param forwardedHeaders    trust Forwarded / X-Forwarded-* headers for the client address and scheme; only behind a
 *                            reverse proxy that sets them and is the only way in ({@code server.forwarded-headers}, false)
 * @param allowedHosts        host names accepted in the Host header besides loopback, the bind address and the public
 *                            URL's host ({@code server.allowed-hosts}, none); others get 421 (DNS rebinding)
 * @param sessionLifetime     how long a browser session lasts ({@code security.session-lifetime}, 7d)
 * @param loginAttempts       login attempts per client per minute before 429 ({@code security.login-attempts-per-minute}, 5)
 * @param eventsRetention     how long security events are kept ({@code security.events-retention}, 90d)
 * @param disabledPlugins     plugin ids not to register nor start ({@code disabled-plugins})
 * @param pluginStartTimeout  how long one plugin's start may take ({@code plugin-start-timeout}, 30s)
 * @param databaseBusyTimeout how long a statement waits for a lock ({@code database.busy-timeout}, 5s)
 * @param databasePoolSize    connections to the SQLite file ({@code database.pool-size}, 4)
 * @param backupsToKeep       automatic backups taken before migrations that are kept ({@code database.backups-to-keep}, 5)
 * @param webSocket           the WebSocket hub's limits
 * @param github              how plugins reach GitHub ({@code github.api-url}, {@code github.token}, {@code github.timeout})
 * @param git                 how repositories are opened and reached ({@code git.safe-directories}, {@code git.local-remotes})
 */
public record PlatformConfig(
        Path dataDir,
        Path pluginsDir,
        String bind,
        int port,
        Duration shutdownTimeout,
        java.util.Optional<java.net.URI> publicUrl,
        int maxRequestSize,
        int maxHeaderSize,
        boolean forwardedHeaders,
        List<String> allowedHosts,
        Duration sessionLifetime,
        int loginAttempts,
        Duration eventsRetention,
        Set<String> disabledPlugins,
        Duration pluginStartTimeout,
        Duration databaseBusyTimeout,
        int databasePoolSize,
        int backupsToKeep,
        WebSocketLimits webSocket,
        GitHubSettings github,
        GitSettings git) {

    /** The keys the kernel itself reads; anything else outside {@code plugins.} is reported as unknown. */
    public static final List<String> KEYS = List.of(
            "data-dir", "plugins-dir", "server.bind", "server.port", "server.shutdown-timeout",
            "server.public-url", "server.max-request-size", "server.max-header-size", "server.forwarded-headers",
            "server.allowed-hosts",
            "security.session-lifetime", "security.login-attempts-per-minute", "security.events-retention",
            "disabled-plugins", "plugin-start-timeout", "database.busy-timeout", "database.pool-size",
            "database.backups-to-keep",
            "websocket.queue-size", "websocket.history-size", "websocket.send-timeout",
            "websocket.max-message-size", "websocket.idle-timeout", "websocket.max-connections-per-credential",
            "github.api-url", "github.token", "github.timeout",
            "git.safe-directories", "git.local-remotes", "secrets.key-file");

    /**
     * Limits of the WebSocket hub.
     *
     * @param queueSize      outgoing messages buffered per client before it is dropped as too slow (1024);
     *                       larger than historySize, so that a full replay fits
     * @param historySize    events kept per channel for clients resuming after a reconnect (256)
     * @param sendTimeout    how long one write to a client may take (10s)
     * @param maxMessageSize the largest message a client may send, in bytes (65536)
     * @param idleTimeout    a connection with no traffic for this long is closed (5m)
     * @param maxConnectionsPerCredential open connections one session or token may have; the handshake of one more
     *                       is refused (16)
     */
    public record WebSocketLimits(int queueSize, int historySize, Duration sendTimeout, int maxMessageSize,
                                  Duration idleTimeout, int maxConnectionsPerCredential) {
    }

    public static PlatformConfig from(ConfigSource source) {
        Reader read = new Reader(source);
        Path dataDir = read.value("data-dir", "data", Path::of).toAbsolutePath().normalize();
        Path pluginsDir = read.value("plugins-dir", dataDir.resolve("plugins").toString(), Path::of).toAbsolutePath().normalize();
        return new PlatformConfig(
                dataDir,
                pluginsDir,
                read.value("server.bind", "127.0.0.1", String::strip),
                read.integer("server.port", 8080, 0, 65535),
                read.duration("server.shutdown-timeout", "10s", Duration.ZERO),
                publicUrl(source),
                read.integer("server.max-request-size", 1_048_576, 1024, 1 << 30),
                read.integer("server.max-header-size", 16_384, 1024, 1 << 20),
                source.get("server.forwarded-headers").map(v -> ConfigValues.bool("server.forwarded-headers", v)).orElse(false),
                allowedHosts(source),
                read.duration("security.session-lifetime", "7d", Duration.ofMinutes(5)),
                read.integer("security.login-attempts-per-minute", 5, 1, 1000),
                read.duration("security.events-retention", "90d", Duration.ofDays(1)),
                Set.copyOf(read.list("disabled-plugins")),
                read.duration("plugin-start-timeout", "30s", Duration.ofMillis(100)),
                read.duration("database.busy-timeout", "5s", Duration.ZERO),
                read.integer("database.pool-size", 4, 1, 64),
                read.integer("database.backups-to-keep", 5, 1, 1000),
                webSocketLimits(read),
                github(source, read),
                GitConfig.from(read.list("git.safe-directories"), read.list("git.local-remotes")));
    }

    private static GitHubSettings github(ConfigSource source, Reader read) {
        ConfigValue url = source.get("github.api-url").orElse(new ConfigValue("https://api.github.com", "default"));
        // Clients append paths such as /users/x: a trailing slash would double it.
        java.net.URI apiUrl = java.net.URI.create(ConfigValues.httpUrl("github.api-url", url, "https://github.example.org/api/v3")
                .toString().replaceAll("/+$", ""));
        java.util.Optional<String> token = source.get("github.token").map(ConfigValue::value).map(String::strip)
                .filter(value -> !value.isEmpty());
        return new GitHubSettings(apiUrl, token, read.duration("github.timeout", "20s", Duration.ofMillis(100)));
    }

    /** Bare host names or IP addresses: a scheme, port or path here would never match a Host header. */
    private static List<String> allowedHosts(ConfigSource source) {
        ConfigValue value = source.get("server.allowed-hosts").orElse(new ConfigValue("", "default"));
        List<String> hosts = ConfigValues.list(value);
        for (String host : hosts) {
            if (!host.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
                throw ConfigValues.invalid("server.allowed-hosts", value,
                        "host names or IP addresses without scheme, port or path, e.g. auditor.example.org, 192.0.2.7 or [2001:db8::7]");
            }
        }
        return List.copyOf(hosts);
    }

    private static java.util.Optional<java.net.URI> publicUrl(ConfigSource source) {
        return source.get("server.public-url").filter(v -> !v.value().isBlank())
                .map(value -> ConfigValues.httpUrl("server.public-url", value, "https://auditor.example.org"));
    }

    private static WebSocketLimits webSocketLimits(Reader read) {
        int queueSize = read.integer("websocket.queue-size", 1024, 8, 1_000_000);
        int historySize = read.integer("websocket.history-size", 256, 0, 1_000_000);
        if (historySize >= queueSize) {
            throw new ConfigException("websocket.history-size (" + historySize + ") must be smaller than websocket.queue-size ("
                    + queueSize + "), or a client replaying a full history would be dropped as too slow");
        }
        return new WebSocketLimits(queueSize, historySize,
                read.duration("websocket.send-timeout", "10s", Duration.ofMillis(100)),
                read.integer("websocket.max-message-size", 65_536, 1024, 16 * 1024 * 1024),
                read.duration("websocket.idle-timeout", "5m", Duration.ofSeconds(1)),
                read.integer("websocket.max-connections-per-credential", 16, 1, 10_000));
    }

    /** Keys in the file or flags that neither the kernel nor the plugin namespace knows: likely typos. */
    public static List<String> unknownKeys(ConfigSource source) {
        return source.keys().stream().filter(key -> !KEYS.contains(key) && !key.startsWith("plugins.")).toList();
    }

    private record Reader(ConfigSource source) {
        <T> T value(String key, String defaultValue, Function<String, T> parse) {
            return parse.apply(source.get(key).map(ConfigValue::value).orElse(defaultValue));
        }

        int integer(String key, int defaultValue, int min, int max) {
            return source.get(key).map(v -> ConfigValues.integer(key, v, min, max)).orElse(defaultValue);
        }

        Duration duration(String key, String defaultValue, Duration minimum) {
            ConfigValue value = source.get(key).orElse(new ConfigValue(defaultValue, "default"));
            Duration duration = ConfigValues.duration(key, value);
            if (duration.compareTo(minimum) < 0) {
                throw ConfigValues.invalid(key, value, "at least " + (minimum.isZero() ? "0s" : minimum.toMillis() + "ms"));
            }
            return duration;
        }

        List<String> list(String key) {
            return source.get(key).map(ConfigValues::list).orElse(List.of());
        }
    }
}
