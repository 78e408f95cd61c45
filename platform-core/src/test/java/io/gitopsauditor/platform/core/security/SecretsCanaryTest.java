package io.gitopsauditor.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.cli.RootCommand;
import io.gitopsauditor.platform.core.testkit.ExamplePlugin;
import io.gitopsauditor.platform.core.testkit.PluginJarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary test for the rule "no secret ever appears in logs, responses or WebSocket frames". The
 * server runs as a real process with debug logging; every security flow is driven over HTTP,
 * WebSocket and the CLI with recognisable canary passwords; then every place a secret could end
 * up is searched for every secret: the server's stdout and stderr, every HTTP response (headers
 * and body), every WebSocket frame and close reason, the CLI's output, and the database file.
 * Secrets given to the secret store (a GitHub token as a setting, a plugin's secret) are among them:
 * the database holds them encrypted, and no answer ever carries them.
 * The only places allowed to hold a secret are the one answer that hands it out.
 */
class SecretsCanaryTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Makes this run's canaries unique: a match can only come from this run. */
    private static final String RUN = HexFormat.of().formatHex(randomBytes());

    /** Every secret of the run, by what it is. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** Every HTTP answer, with the secrets it may legitimately carry. */
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<Frames> sockets = new ArrayList<>();
    /** CLI output, with the secret it may carry on its last line. */
    private final Map<String, String> cliOutputs = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    @Test
    void noSecretAppearsInLogsResponsesFramesCliOutputOrTheDatabase(@TempDir Path data, @TempDir Path logs) throws Exception {
        ExamplePlugin.copyInto(data.resolve("plugins"));
        Path stdout = logs.resolve("server.out");
        Path stderr = logs.resolve("server.err");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=org.xerial.sqlitejdbc",
                // Set on the command line, so GitopsAuditor.configureLogging keeps it: even debug output is searched.
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "--module-path", PluginJarBuilder.runtimeModulePath(),
                "-m", "io.gitopsauditor.platform.core/io.gitopsauditor.platform.core.GitopsAuditor",
                "serve", "--port", "0", "--data-dir", data.toString());
        Process server = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            base = awaitListening(server, stdout, stderr);
            driveEverySecurityFlow(data);
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(server.exitValue()).isIn(0, 143);
        } finally {
            server.destroyForcibly();
        }

        List<Place> places = new ArrayList<>();
        String out = Files.readString(stdout);
        String err = Files.readString(stderr);
        assertThat(out).as("stdout was captured").contains("listening on");
        assertThat(err).as("stderr was captured").contains("stopped cleanly");
        places.add(Place.of("server stdout", out));
        places.add(Place.of("server stderr", err));
        for (Exchange exchange : exchanges) {
            places.add(Place.of(exchange.label + ": headers", exchange.headers()));
            places.add(Place.of(exchange.label + ": Set-Cookie", exchange.setCookies(), exchange.allowedInSetCookie));
            places.add(Place.of(exchange.label + ": body", exchange.body, exchange.allowedInBody));
        }
        int frames = 0;
        for (Frames socket : sockets) {
            for (int i = 0; i < socket.received.size(); i++) {
                places.add(Place.of(socket.label + ": frame " + (i + 1), socket.received.get(i)));
                frames++;
            }
            places.add(Place.of(socket.label + ": close", socket.closed.getNow("(open)")));
        }
        cliOutputs.forEach((label, text) -> places.add(Place.of(label, text)));
        int files = 0;
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(data.resolve("plugins"))).toList()) {
                places.add(Place.of("file " + data.relativize(file), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
                files++;
            }
        }
        assertThat(data.resolve("secrets.key")).as("the secrets were stored, under a key apart from the database").exists();
        byte[] database = Files.readAllBytes(data.resolve("gitops-auditor.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).as("the database holds tokens as SHA-256 (so this is the file)")
                .contains(sha256(secrets.get("token (REST, write)")));

        List<String> leaks = new ArrayList<>();
        places.forEach(place -> secrets.forEach((what, secret) -> {
            String needle = place.where().startsWith("file ") ? latin1OfUtf8(secret) : secret;
            if (place.text().contains(needle) && !place.allowed().contains(secret)) {
                leaks.add(what + " in " + place.where());
            }
        }));
        System.out.printf("secrets canary: %d secrets searched in %d places (server stdout and stderr, %d HTTP answers,"
                        + " %d WebSocket frames and %d closes, %d CLI outputs, %d files of the data directory): %d leaks%n",
                secrets.size(), places.size(), exchanges.size(), frames, sockets.size(), cliOutputs.size(), files, leaks.size());
        assertThat(leaks).as("secrets found where they must never be").isEmpty();
    }

    private void driveEverySecurityFlow(Path data) throws Exception {
        String setupSecret = Files.readString(data.resolve("setup-secret")).strip();
        secrets.put("setup secret", setupSecret);
        String wrongSecret = secret("wrong setup secret", "gss_canary-wrong-" + RUN);
        String firstPassword = secret("first password", "canary-first-password-" + RUN);
        String wrongPassword = secret("wrong password", "canary-wrong-password-" + RUN);
        String secondPassword = secret("second password", "canary-second-password-" + RUN);
        String thirdPassword = secret("third password (CLI)", "canary-third-password-" + RUN);
        String wrongToken = secret("unknown token", "gat_canary-unknown-" + RUN);

        assertThat(call("setup status", get("/api/platform/setup")).body).contains("\"required\":true");
        assertThat(call("setup, wrong secret", post("/api/platform/setup",
                "{\"secret\":\"" + wrongSecret + "\",\"username\":\"admin\",\"password\":\"" + firstPassword + "\"}")).status).isEqualTo(403);
        Exchange setup = call("setup", post("/api/platform/setup",
                "{\"secret\":\"" + setupSecret + "\",\"username\":\"admin\",\"password\":\"" + firstPassword + "\"}"));
        assertThat(setup.status).as(setup.body).isEqualTo(201);
        setup.allowSessionCookie(secret("session (setup)", setup.sessionCookie()));
        assertThat(data.resolve("setup-secret")).as("the used setup secret is deleted").doesNotExist();

        assertThat(call("login, wrong password", post("/api/platform/login",
                "{\"username\":\"admin\",\"password\":\"" + wrongPassword + "\"}")).status).isEqualTo(401);
        Exchange login = call("login", post("/api/platform/login", "{\"username\":\"admin\",\"password\":\"" + firstPassword + "\"}"));
        assertThat(login.status).isEqualTo(200);
        String loginCookie = secret("session (login)", login.sessionCookie());
        login.allowSessionCookie(loginCookie);
        assertThat(call("session", session(get("/api/platform/session"), loginCookie, null)).status).isEqualTo(200);

        Exchange changed = call("password change", session(put("/api/platform/password",
                "{\"currentPassword\":\"" + firstPassword + "\",\"newPassword\":\"" + secondPassword + "\"}"), loginCookie, login.csrf()));
        assertThat(changed.status).as(changed.body).isEqualTo(200);
        String cookie = secret("session (after password change)", changed.sessionCookie());
        changed.allowSessionCookie(cookie);
        String csrf = changed.csrf();

        Exchange readCreated = call("token create (read)", session(post("/api/platform/tokens",
                "{\"name\":\"canary-read\",\"scope\":\"READ\"}"), cookie, csrf));
        assertThat(readCreated.status).as(readCreated.body).isEqualTo(201);
        String readToken = secret("token (REST, read)", readCreated.json().path("token").asText());
        readCreated.allowInBody(readToken);
        Exchange writeCreated = call("token create (write)", session(post("/api/platform/tokens",
                "{\"name\":\"canary-write\",\"scope\":\"WRITE\"}"), cookie, csrf));
        String writeToken = secret("token (REST, write)", writeCreated.json().path("token").asText());
        writeCreated.allowInBody(writeToken);

        assertThat(call("greetings, read token", bearer(get("/api/hello/greetings"), readToken)).status).isEqualTo(200);
        assertThat(call("greeting, write token", bearer(post("/api/hello/greetings", "{\"name\":\"canary\"}"), writeToken)).status)
                .isEqualTo(201);
        assertThat(call("greeting, read token", bearer(post("/api/hello/greetings", "{\"name\":\"no\"}"), readToken)).status)
                .isEqualTo(403);
        assertThat(call("greetings, unknown token", bearer(get("/api/hello/greetings"), wrongToken)).status).isEqualTo(401);

        Frames byToken = connect("WebSocket (read token)", Map.of("Authorization", "Bearer " + readToken));
        Frames byCookie = connect("WebSocket (session cookie)", Map.of("Cookie", "ga_session=" + cookie));
        for (Frames socket : List.of(byToken, byCookie)) {
            socket.send("{\"type\":\"subscribe\",\"channel\":\"hello.greetings\"}");
            socket.await("\"subscribed\"");
        }
        assertThat(call("greeting, published", bearer(post("/api/hello/greetings", "{\"name\":\"canary-event\"}"), writeToken)).status)
                .isEqualTo(201);
        for (Frames socket : List.of(byToken, byCookie)) {
            socket.await("canary-event");
            socket.send("{\"type\":\"ping\"}");
            socket.await("\"pong\"");
        }

        storeSecretsThroughTheApi(cookie, csrf);

        long readId = readCreated.json().path("id").asLong();
        assertThat(call("token revoke", session(delete("/api/platform/tokens/" + readId), cookie, csrf)).status).isEqualTo(204);
        assertThat(byToken.closed.get(15, TimeUnit.SECONDS)).as("the revoked token's connection is closed").isNotEmpty();
        assertThat(call("greetings, revoked token", bearer(get("/api/hello/greetings"), readToken)).status).isEqualTo(401);
        assertThat(call("security events", session(get("/api/platform/security-events"), cookie, null)).body).contains("token-revoked");
        assertThat(call("token list", session(get("/api/platform/tokens"), cookie, null)).body).contains("canary-write");

        String cliToken = secret("token (CLI)", cli("CLI token create", null, "token", "create", "--name", "canary-cli", "--scope",
                "write", "--data-dir", data.toString()));
        assertThat(call("greetings, CLI token", bearer(get("/api/hello/greetings"), cliToken)).status).isEqualTo(200);
        cli("CLI token list", null, "token", "list", "--data-dir", data.toString());
        cli("CLI reset-password", thirdPassword + "\n", "admin", "reset-password", "--password-stdin", "--data-dir", data.toString());
        assertThat(byCookie.closed.get(15, TimeUnit.SECONDS)).as("the reset ends the session and its connection").isNotEmpty();
        // The CLI ran beside the server: its change reaches HTTP within the credential cache's couple of seconds.
        int status = 0;
        for (int attempt = 0; attempt < 25 && status != 401; attempt++) {
            status = call("session after reset", session(get("/api/platform/session"), cookie, null)).status;
            if (status != 401) {
                Thread.sleep(200);
            }
        }
        assertThat(status).isEqualTo(401);

        assertThat(call("login, old password", post("/api/platform/login",
                "{\"username\":\"admin\",\"password\":\"" + secondPassword + "\"}")).status).isEqualTo(401);
        Exchange relogin = call("login after reset", post("/api/platform/login",
                "{\"username\":\"admin\",\"password\":\"" + thirdPassword + "\"}"));
        assertThat(relogin.status).isEqualTo(200);
        String lastCookie = secret("session (after reset)", relogin.sessionCookie());
        relogin.allowSessionCookie(lastCookie);
        assertThat(call("logout", session(post("/api/platform/logout", ""), lastCookie, relogin.csrf())).status).isEqualTo(204);
        assertThat(call("session after logout", session(get("/api/platform/session"), lastCookie, null)).status).isEqualTo(401);
    }

    /**
     * The secret store: a GitHub token set as a setting, a plugin's secret set directly, then every
     * answer that describes them read back. They are written, never read back: no answer may hold them.
     */
    private void storeSecretsThroughTheApi(String cookie, String csrf) throws Exception {
        String githubToken = secret("GitHub token (settings)", "ghp_canary" + RUN);
        String pluginSecret = secret("plugin secret (secrets API)", "canary-plugin-secret-" + RUN);
        String refused = secret("secret sent without CSRF token", "canary-no-csrf-" + RUN);

        assertThat(call("secret without CSRF token", session(put("/api/platform/secrets/hello.key",
                "{\"value\":\"" + refused + "\"}"), cookie, null)).status).isEqualTo(403);
        Exchange token = call("settings: GitHub token", session(put("/api/platform/settings/platform",
                "{\"github.token\":\"" + githubToken + "\"}"), cookie, csrf));
        assertThat(token.status).as(token.body).isEqualTo(200);
        assertThat(call("secrets: plugin secret", session(put("/api/platform/secrets/hello.key",
                "{\"value\":\"" + pluginSecret + "\"}"), cookie, csrf)).status).isEqualTo(204);
        assertThat(call("settings", session(get("/api/platform/settings"), cookie, null)).body).contains("\"set\":true");
        assertThat(call("secrets", session(get("/api/platform/secrets"), cookie, null)).body).contains("hello.key");
        assertThat(call("github", session(get("/api/platform/github"), cookie, null)).status).isEqualTo(200);
        assertThat(call("security events (secrets)", session(get("/api/platform/security-events"), cookie, null)).body)
                .contains("secret 'github.token'", "secret 'hello.key'");
        assertThat(call("secret delete", session(delete("/api/platform/secrets/hello.key"), cookie, csrf)).status).isEqualTo(204);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private String secret(String what, String value) {
        assertThat(value).as(what).isNotBlank();
        secrets.put(what, value);
        return value;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    private HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).DELETE();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    /** As a browser on the dashboard sends it: the cookie, the page's Origin, and the CSRF token on changes. */
    private HttpRequest.Builder session(HttpRequest.Builder request, String cookie, String csrf) {
        request.header("Cookie", "ga_session=" + cookie).header("Origin", base);
        return csrf == null ? request : request.header("X-CSRF-Token", csrf);
    }

    private Exchange call(String label, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        Exchange exchange = new Exchange(label, response.statusCode(), response.headers().map(), response.body());
        exchanges.add(exchange);
        return exchange;
    }

    private Frames connect(String label, Map<String, String> headers) {
        Frames frames = new Frames(label);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        frames.socket = builder.buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/ws"), frames).join();
        sockets.add(frames);
        return frames;
    }

    /**
     * Runs the CLI in this JVM against the running server's data directory: picocli's writers and
     * this JVM's standard streams (where the CLI's log lines go) are all captured.
     *
     * @return the last line of its output
     */
    private String cli(String label, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        InputStream originalIn = System.in;
        int exit;
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            picocli.CommandLine commandLine = RootCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            exit = commandLine.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.setIn(originalIn);
        }
        assertThat(exit).as(label + ": " + out + err + console).isZero();
        List<String> lines = out.toString().strip().lines().toList();
        String last = lines.isEmpty() ? "" : lines.getLast();
        // The token create prints its token alone on the last line: that line is the one allowed place.
        boolean tokenLine = args.length > 1 && args[0].equals("token") && args[1].equals("create");
        cliOutputs.put(label + ": out", tokenLine ? String.join("\n", lines.subList(0, lines.size() - 1)) : out.toString());
        cliOutputs.put(label + ": err", err.toString());
        cliOutputs.put(label + ": log and console", console.toString(StandardCharsets.UTF_8));
        return last;
    }

    private static String awaitListening(Process server, Path stdout, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(Files.readString(stdout));
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!server.isAlive()) {
                throw new AssertionError("server exited (" + server.exitValue() + ") before listening:\n" + Files.readString(stderr));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server not listening within 60 s:\n" + Files.readString(stderr));
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** A secret as its UTF-8 bytes read one byte per char, to search raw files (the canaries are ASCII anyway). */
    private static String latin1OfUtf8(String secret) {
        return new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Somewhere to search, and the secrets that may legitimately be there. */
    record Place(String where, String text, Set<String> allowed) {
        static Place of(String where, String text) {
            return new Place(where, text, Set.of());
        }

        static Place of(String where, String text, Set<String> allowed) {
            return new Place(where, text, Set.copyOf(allowed));
        }
    }

    /** One HTTP answer. */
    static final class Exchange {
        final String label;
        final int status;
        final Map<String, List<String>> headers;
        final String body;
        final Set<String> allowedInBody = new java.util.HashSet<>();
        final Set<String> allowedInSetCookie = new java.util.HashSet<>();

        Exchange(String label, int status, Map<String, List<String>> headers, String body) {
            this.label = label;
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        String headers() {
            StringBuilder text = new StringBuilder();
            headers.forEach((name, values) -> {
                if (!name.equalsIgnoreCase("set-cookie")) {
                    text.append(name).append(": ").append(values).append('\n');
                }
            });
            return text.toString();
        }

        String setCookies() {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                    .flatMap(e -> e.getValue().stream()).reduce("", (a, b) -> a + b + "\n");
        }

        /** The new session's id, from {@code Set-Cookie: ga_session=<id>; ...}. */
        String sessionCookie() {
            Matcher matcher = Pattern.compile("ga_session=([^;]*)").matcher(setCookies());
            assertThat(matcher.find()).as(label + " sets the session cookie: " + headers).isTrue();
            return matcher.group(1);
        }

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        String csrf() throws Exception {
            return json().path("csrfToken").asText();
        }

        void allowSessionCookie(String value) {
            allowedInSetCookie.add(value);
        }

        void allowInBody(String value) {
            allowedInBody.add(value);
        }
    }

    /** A WebSocket client that keeps every text frame as received, and how the connection was closed. */
    static final class Frames implements WebSocket.Listener {
        final String label;
        final List<String> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        Frames(String label) {
            this.label = label;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                pending.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        /** Waits for a frame containing the text. */
        void await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String frame = pending.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null && frame.contains(text)) {
                    return;
                }
            }
            throw new AssertionError(label + ": no frame with " + text + " within 10 s; received " + received);
        }
    }
}
