package io.gitopsauditor.platform.core.security;

import static io.gitopsauditor.platform.core.testkit.PluginJarBuilder.simplePlugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gitopsauditor.platform.core.internal.http.Route;
import io.gitopsauditor.platform.core.testkit.ExamplePlugin;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed input at every route that takes a body, read from Jersey's live model (the kernel's,
 * the example plugin's and a test plugin's with typed records): invalid JSON, every JSON type in
 * every field, 100,000-deep nesting, huge strings and bodies, invalid UTF-8 and odd encodings,
 * wrong content types, empty bodies, BOMs, duplicate keys, and seeded random mutations. No answer
 * may be a 5xx, and no body may show a stack trace or a Java class name.
 */
class MalformedInputTest {
    /** Same corpus on every run: a failure found once is found again. */
    private static final long SEED = 0x6A17_0B5E_55EDL;
    private static final int MIN_INPUTS_PER_ROUTE = 300;
    private static final int RANDOM_MUTATIONS = 200;
    /** Bodies larger than this, and chunked ones, go over {@link RawHttp}. */
    private static final int RAW_ABOVE = 8 * 1024;
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final List<String> LEAKS = List.of("Exception", "java.", "javax.", "jakarta.", "com.fasterxml", "org.glassfish",
            "org.eclipse", "\tat ", "Caused by");
    private static final String PASSWORD = SecurityFixtures.PASSWORD;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Valid-ish bodies to start from, for the routes whose shape this test knows. Which routes get
     * inputs comes from the live model, not from here: a route not listed gets the generic seed.
     */
    private static final Map<String, String> SEEDS = Map.of(
            // A wrong secret: every input runs the secret check and the throttle, none completes setup.
            "POST /api/platform/setup", "{\"secret\":\"gss_not-the-secret\",\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}",
            "POST /api/platform/login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}",
            "PUT /api/platform/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another long password\"}",
            "POST /api/platform/tokens", "{\"name\":\"ci\",\"scope\":\"READ\"}",
            "POST /api/hello/greetings", "{\"name\":\"world\"}",
            "POST /api/typed/orders", Fixtures.ORDER,
            "PUT /api/typed/orders/{id}", Fixtures.ORDER,
            "PATCH /api/typed/orders/{id}/flags", "{\"archived\":true,\"rank\":3,\"features\":{\"beta\":false}}",
            "POST /api/typed/orders/bulk", "[" + Fixtures.ORDER + "]");
    private static final String GENERIC_SEED = "{\"name\":\"x\",\"count\":1,\"enabled\":true,\"nested\":{\"value\":\"y\",\"items\":[1,2]}}";

    @TempDir
    static Path data;

    static TestServer server;
    static HttpClient client;

    @BeforeAll
    static void boot() throws Exception {
        ExamplePlugin.copyInto(data.resolve("plugins"));
        simplePlugin("test.typed", "typed", "0.1", Fixtures.PLUGIN).buildInto(data.resolve("plugins"), "typed.jar");
        // The most failed logins the config allows: each malformed body reaches the secret and password
        // checks rather than bouncing off the throttle (a 429 would still be a fine answer).
        server = TestServer.start(data, Map.of("security.login-attempts-per-minute", "1000"));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noMalformedInputGetsAServerErrorOrLeaksInternals() throws Exception {
        List<Route> routes = server.platform().routes().stream().filter(r -> BODY_METHODS.contains(r.method())).toList();
        assertThat(routes).extracting(r -> r.method() + " " + r.path())
                .as("the sweep sees the kernel's and both plugins' routes")
                .contains("POST /api/platform/setup", "POST /api/platform/login", "POST /api/platform/tokens",
                        "POST /api/hello/greetings", "POST /api/typed/orders", "PATCH /api/typed/orders/{id}/flags");
        // Setup first (nothing to log in to yet), then the real setup, then login against a real account.
        List<Route> ordered = new ArrayList<>(routes.stream().filter(r -> r.path().endsWith("/setup")).toList());
        ordered.addAll(routes.stream().filter(r -> !r.path().endsWith("/setup")).toList());

        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        Map<String, Integer> parsed = new LinkedHashMap<>();
        int requests = 0;
        long started = System.nanoTime();
        for (Route route : ordered) {
            if (route.path().endsWith("/login")) {
                SecurityFixtures.adminSession(server); // completes the setup the corpus above could not
            }
            String key = route.method() + " " + route.path();
            List<Input> corpus = Corpus.of(SEEDS.getOrDefault(key, GENERIC_SEED), new Random(SEED ^ key.hashCode()));
            assertThat(corpus.size()).as(key).isGreaterThanOrEqualTo(MIN_INPUTS_PER_ROUTE);
            Map<Integer, Integer> histogram = statuses.computeIfAbsent(key, k -> new TreeMap<>());
            for (Input input : corpus) {
                Outcome outcome = send(route, input);
                requests++;
                histogram.merge(outcome.status(), 1, Integer::sum);
                if (outcome.status() == 400 && outcome.body().contains("\"Invalid JSON\"")) {
                    parsed.merge(key, 1, Integer::sum);
                }
                outcome.problem(input).ifPresent(problem -> failures.add(key + " <- " + input.describe() + ": " + problem));
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        statuses.forEach((route, histogram) -> System.out.printf("  %-40s %s%n", route, histogram));
        System.out.printf("malformed input: %d requests over %d routes in %d s, %d server errors or leaks%n",
                requests, routes.size(), seconds, failures.size());

        assertThat(failures).as("%d of %d malformed inputs got a 5xx, leaked internals or no answer:%n%s", failures.size(), requests,
                String.join("\n", failures.subList(0, Math.min(failures.size(), 60)))).isEmpty();
        // Not vacuous: every JSON route parsed bodies (and refused the broken ones) rather than refusing the caller.
        routes.stream().filter(r -> r.consumes().contains("application/json")).forEach(route -> assertThat(
                parsed.getOrDefault(route.method() + " " + route.path(), 0)).as("'Invalid JSON' answers from %s", route).isPositive());
    }

    private static Outcome send(Route route, Input input) {
        String path = route.path().replaceAll("\\{[^}]+}", "1");
        String authorization = route.publicRoute() ? null : "Bearer " + server.adminToken();
        if (input.body().length > RAW_ABOVE || input.chunked()) {
            return RawHttp.send(server.platform().port(), route.method(), path, input, authorization);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(input.body()));
        try {
            input.contentTypes().forEach(type -> request.header("Content-Type", type));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the JDK client refuses this Content-Type; drop it from the corpus: " + input.describe(), e);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            StringBuilder headers = new StringBuilder();
            response.headers().map().forEach((name, values) -> headers.append(name).append(": ").append(values).append('\n'));
            return new Outcome(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), headers.toString(), null);
        } catch (IOException e) {
            // A kept-alive connection the server closed after an answer that did not read the body (a 415, say)
            // can be handed out again by the pool; the JDK client does not retry a POST. Once more, on a new one.
            return RawHttp.send(server.platform().port(), route.method(), path, input, authorization);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * HTTP/1.1 over a plain socket for large bodies. The server may answer (400 for a body that went
     * wrong early, 413 for one declared too large) before reading the rest, then closes; the JDK
     * client reads only after it has sent everything, and by then the connection is reset and the
     * answer lost. This one reads while it writes, as browsers and curl do.
     */
    static final class RawHttp {
        private RawHttp() {
        }

        static Outcome send(int port, String method, String path, Input input, String authorization) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nConnection: close\r\n");
                input.contentTypes().forEach(type -> head.append("Content-Type: ").append(type).append("\r\n"));
                if (authorization != null) {
                    head.append("Authorization: ").append(authorization).append("\r\n");
                }
                head.append(input.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + input.body().length + "\r\n");
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                        if (input.chunked()) {
                            for (int at = 0; at < input.body().length; at += 65_536) {
                                int length = Math.min(65_536, input.body().length - at);
                                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                                out.write(input.body(), at, length);
                                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                            }
                            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        } else {
                            out.write(input.body());
                        }
                        out.flush();
                    } catch (IOException e) {
                        // The server answered and closed before reading it all: the answer is what counts.
                    }
                });
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                byte[] buffer = new byte[65_536];
                try {
                    for (int n; (n = socket.getInputStream().read(buffer)) != -1; ) {
                        received.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    if (received.size() == 0) {
                        return new Outcome(-1, "", "", e.toString());
                    }
                }
                writer.join();
                return parse(received.toByteArray());
            } catch (IOException e) {
                return new Outcome(-1, "", "", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static Outcome parse(byte[] response) {
            String text = new String(response, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                return new Outcome(-1, "", "", "not an HTTP response: " + text.substring(0, Math.min(text.length(), 100)));
            }
            String headers = text.substring(text.indexOf("\r\n") + 2, end + 2);
            byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
            if (headers.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Outcome(Integer.parseInt(text.substring(9, 12)), new String(body, StandardCharsets.UTF_8), headers, null);
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOf(chunked, at);
                int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toByteArray();
        }

        private static int indexOf(byte[] bytes, int from) {
            for (int i = from; i < bytes.length - 1; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return bytes.length;
        }
    }

    /**
     * One malformed request.
     *
     * @param label        what it is, for the failure report
     * @param contentTypes the Content-Type header values to send (empty: none)
     * @param body         the raw bytes
     * @param chunked      send without a Content-Length
     * @param expected     the statuses this input must get; empty for any that is not a 5xx
     */
    record Input(String label, List<String> contentTypes, byte[] body, boolean chunked, Set<Integer> expected) {
        Input(String label, List<String> contentTypes, byte[] body, boolean chunked) {
            this(label, contentTypes, body, chunked, Set.of());
        }

        static Input json(String label, String body) {
            return bytes(label, body.getBytes(StandardCharsets.UTF_8));
        }

        static Input bytes(String label, byte[] body) {
            return new Input(label, List.of("application/json"), body, false);
        }

        String describe() {
            String text = new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1);
            StringBuilder shown = new StringBuilder();
            text.chars().forEach(c -> shown.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c)));
            return "[" + label + "] " + body.length + " bytes" + (chunked ? " chunked" : "") + ", Content-Type " + contentTypes
                    + ", body '" + shown + (body.length > 80 ? "..." : "") + "'";
        }
    }

    /** What came back; {@code status} -1 when nothing did. */
    record Outcome(int status, String body, String headers, String error) {
        java.util.Optional<String> problem(Input input) {
            if (error != null) {
                return java.util.Optional.of("no response (" + error + ")");
            }
            String prefix = "status " + status + ", body '" + body.substring(0, Math.min(body.length(), 200)).replace("\n", "\\n") + "'";
            if (status >= 500) {
                return java.util.Optional.of(prefix);
            }
            for (String leak : LEAKS) {
                if (body.contains(leak) || headers.contains(leak)) {
                    return java.util.Optional.of("leaks '" + leak.replace("\t", "\\t") + "': " + prefix);
                }
            }
            if (!input.expected().isEmpty() && !input.expected().contains(status)) {
                return java.util.Optional.of("expected " + input.expected() + ": " + prefix);
            }
            return java.util.Optional.empty();
        }
    }

    /** Generates the inputs for one route from a valid-ish seed body; deterministic for a given Random. */
    static final class Corpus {
        private static final String MARK = "\"__probe_9f2c__\"";
        /** Every JSON type, and the edge cases of each, as raw JSON text (some deliberately not JSON at all). */
        static final List<String> PROBES = List.of(
                "null", "true", "false", "0", "-1", "-0", "2147483648", "-9223372036854775809", "99999999999999999999999",
                "1e400", "-1e400", "1e-400", "1.5", "1" + "0".repeat(99), "1" + "0".repeat(200), "NaN", "Infinity", "-Infinity",
                "0x10", "01", "1.", ".5", "+1", "\"NaN\"", "\"Infinity\"", "\"\"", "\"x\"", "\"READ\"", "\"1\"", "\"1e400\"",
                "\"true\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\uD83D\uDE00\"", "\"\\x41\"", "\"a\nb\"",
                "\"" + "a".repeat(10_000) + "\"", "'single'", "undefined", "[]", "[null]", "[1,\"a\",true,{},[]]", "{}",
                "{\"a\":{\"b\":[{}]}}", "{\"@class\":\"java.lang.Runtime\"}", "[\"java.util.HashMap\",{}]");
        static final List<byte[]> BAD_UTF8 = List.of(bytes(0xC3, 0x28), bytes(0xA0, 0xA1), bytes(0xE2, 0x28, 0xA1),
                bytes(0xE2, 0x82, 0x28), bytes(0xF0, 0x28, 0x8C, 0xBC), bytes(0xF0, 0x90, 0x28, 0xBC), bytes(0xF8, 0xA1, 0xA1, 0xA1, 0xA1),
                bytes(0xFC, 0xA1, 0xA1, 0xA1, 0xA1, 0xA1), bytes(0xFF), bytes(0xFE), bytes(0x80), bytes(0xC0, 0xAF),
                bytes(0xE0, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xE2, 0x82));
        static final List<String> CONTENT_TYPES = List.of("text/plain", "text/plain; charset=utf-8", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "multipart/form-data",
                "application/octet-stream", "application/json; charset=utf-16", "application/json; charset=UTF-32",
                "application/json; charset=ISO-8859-1", "application/json; charset=nonsense", "application/json; charset=\"",
                "application/json; charset=", "application/json;;;", "application/json; =; q", "application/jsonx",
                "application/problem+json", "application/merge-patch+json", "text/json", "*/*", "application/*", "garbage", "/",
                "application/", ";", "a/b/c", "application/json, text/plain", "APPLICATION/JSON", "application/json; charset=utf-8; charset=latin1",
                "application/json; boundary", "application/json; charset=x-unknown-\u00e9", "text/plain; charset=nonsense",
                "text/plain; charset=", "text/plain; charset=@@", "application/json; charset=@@", "text/plain; charset=utf-8x",
                "text/plain; charset=a!b", "text/plain; charset=\"a b\"", "application/json; " + "p=v; ".repeat(500), "application/" + "x".repeat(5000));
        static final List<String> ODD_BODIES = List.of("", " ", "\n", "\t\r\n ", "null", "true", "0", "\"\"", "[]", "{}", "{,}",
                "{\"a\"}", "{\"a\":}", "{:1}", "[,]", "[1,]", "{\"a\":1,}", "//c\n{}", "/*c*/{}", "# c\n{}", "{'a':1}", "{a:1}",
                "\u0000", "\u0000{}", "\uFEFF", "{\"\":\"\"}", "[", "{", "\"", "\\", "}", "]", "\"\\u\"", "\"\\uZZZZ\"",
                "{\"a\":\"\\ud800\"}", "{\"\\u0000\":1}", "[" + "1,".repeat(50_000) + "1]", "{" + "\"k\":1,".repeat(20_000) + "\"k\":2}");

        private Corpus() {
        }

        static List<Input> of(String seed, Random random) throws IOException {
            List<Input> inputs = new ArrayList<>();
            JsonNode tree = JSON.readTree(seed);
            List<List<Object>> paths = new ArrayList<>();
            collectPaths(tree, new ArrayList<>(), paths);

            inputs.add(Input.json("seed", seed));
            // Every JSON type in every position, the root included.
            for (List<Object> path : paths) {
                for (String probe : PROBES) {
                    inputs.add(Input.json(show(path) + " = " + abbreviate(probe), replaced(tree, path, probe)));
                }
            }
            // Each field missing, doubled with another type, and unknown fields beside it.
            for (List<Object> path : paths) {
                if (!path.isEmpty() && path.getLast() instanceof String field) {
                    JsonNode copy = tree.deepCopy();
                    ((ObjectNode) at(copy, path.subList(0, path.size() - 1))).remove(field);
                    inputs.add(Input.json("without " + show(path), copy.toString()));
                    String original = at(tree, path).toString();
                    String marked = replaced(tree, path, MARK);
                    String key = JSON.writeValueAsString(field) + ":";
                    inputs.add(Input.json("duplicate " + show(path), marked.replace(key + MARK, key + original + "," + key + "[1]")));
                    inputs.add(Input.json("duplicate same " + show(path), marked.replace(key + MARK, key + original + "," + key + original)));
                }
            }
            for (List<Object> path : paths) {
                if (at(tree, path) instanceof ObjectNode) {
                    for (String unknown : List.of("unexpected", "@class", "__proto__", "")) {
                        JsonNode copy = tree.deepCopy();
                        ((ObjectNode) at(copy, path)).put(unknown, 1);
                        inputs.add(Input.json("unknown field '" + unknown + "' in " + show(path), copy.toString()));
                    }
                }
            }
            inputs.addAll(nesting(tree, paths));
            inputs.addAll(sizes(tree, paths, seed));
            inputs.addAll(encodings(seed));
            for (String type : CONTENT_TYPES) {
                inputs.add(new Input("content type", List.of(type), seed.getBytes(StandardCharsets.UTF_8), false));
                inputs.add(new Input("content type, broken body", List.of(type), "{\"".getBytes(StandardCharsets.UTF_8), false));
                inputs.add(new Input("content type, empty body", List.of(type), new byte[0], false));
            }
            inputs.add(new Input("no content type", List.of(), seed.getBytes(StandardCharsets.UTF_8), false));
            inputs.add(new Input("no content type, empty body", List.of(), new byte[0], false));
            inputs.add(new Input("two content types", List.of("application/json", "text/plain"), seed.getBytes(StandardCharsets.UTF_8),
                    false));
            inputs.add(new Input("two json content types", List.of("application/json", "application/json; charset=utf-16"),
                    seed.getBytes(StandardCharsets.UTF_8), false));
            inputs.add(new Input("chunked seed", List.of("application/json"), seed.getBytes(StandardCharsets.UTF_8), true));
            inputs.add(new Input("chunked empty", List.of("application/json"), new byte[0], true));
            for (String odd : ODD_BODIES) {
                inputs.add(Input.json("odd body", odd));
            }
            inputs.add(Input.json("seed twice", seed + seed));
            inputs.add(Input.json("seed, then garbage", seed + "garbage"));
            inputs.add(Input.json("seed, then NUL", seed + "\u0000"));
            inputs.add(Input.json("seed in an array", "[" + seed + "]"));
            inputs.add(Input.json("seed as a string", JSON.writeValueAsString(seed)));
            for (int i = 0; i < RANDOM_MUTATIONS; i++) {
                inputs.add(mutated(seed.getBytes(StandardCharsets.UTF_8), random));
            }
            return inputs;
        }

        /** 65 levels (one past the limit), 1,000 and 100,000, of [ and {, closed and not, alone and inside each field. */
        private static List<Input> nesting(JsonNode tree, List<List<Object>> paths) throws IOException {
            List<Input> inputs = new ArrayList<>();
            for (int depth : new int[] {65, 1_000, 100_000}) {
                String arrays = "[".repeat(depth) + "]".repeat(depth);
                String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                String mixed = "[{\"a\":".repeat(depth / 2) + "1" + "}]".repeat(depth / 2);
                inputs.add(Input.json(depth + " deep arrays", arrays));
                inputs.add(Input.json(depth + " deep objects", objects));
                inputs.add(Input.json(depth + " deep mixed", mixed));
                inputs.add(Input.json(depth + " deep arrays, unclosed", "[".repeat(depth)));
                inputs.add(Input.json(depth + " deep objects, unclosed", "{\"a\":".repeat(depth)));
                for (List<Object> path : paths) {
                    if (!path.isEmpty() && (depth < 100_000 || path.size() == 1)) {
                        inputs.add(Input.json(show(path) + " = " + depth + " deep arrays", replaced(tree, path, arrays)));
                        inputs.add(Input.json(show(path) + " = " + depth + " deep objects", replaced(tree, path, objects)));
                    }
                }
            }
            return inputs;
        }

        /** Bodies over the 1 MiB limit (413), and strings and numbers just under or over the parser's own limits. */
        private static List<Input> sizes(JsonNode tree, List<List<Object>> paths, String seed) throws IOException {
            List<Input> inputs = new ArrayList<>();
            byte[] twoMiB = ("\"" + "a".repeat(2 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
            inputs.add(new Input("2 MiB string body", List.of("application/json"), twoMiB, false, Set.of(413)));
            // Without a length up front only a route that reads the body finds out: 413 from the size limit, or
            // 400 from the parser's own string limit (1,000,000 chars), or whatever a route that ignores bodies says.
            inputs.add(new Input("2 MiB string body, chunked", List.of("application/json"), twoMiB, true));
            byte[] justOver = (" ".repeat(1024 * 1024 + 1 - seed.length()) + seed).getBytes(StandardCharsets.UTF_8);
            inputs.add(new Input("seed after whitespace, 1 MiB + 1", List.of("application/json"), justOver, false, Set.of(413)));
            inputs.add(new Input("seed after whitespace, 1 MiB + 1, chunked", List.of("application/json"), justOver, true));
            String big = "\"" + "b".repeat(900 * 1024) + "\"";
            String overParserLimit = "\"" + "c".repeat(1_000_001) + "\"";
            inputs.add(Input.json("900 KiB string body", big));
            inputs.add(Input.json("1,000,001-char string body", overParserLimit));
            inputs.add(Input.json("900 KiB of whitespace, then the seed", " ".repeat(900 * 1024) + seed));
            inputs.add(Input.json("1,000-digit number", "1".repeat(1_000)));
            inputs.add(Input.json("100,000-digit fraction", "0." + "1".repeat(100_000)));
            int strings = 0;
            for (List<Object> path : paths) {
                if (at(tree, path) instanceof TextNode && strings++ < 3) {
                    inputs.add(Input.json(show(path) + " = 900 KiB string", replaced(tree, path, big)));
                    inputs.add(Input.json(show(path) + " = 1,000,001-char string", replaced(tree, path, overParserLimit)));
                    inputs.add(Input.json(show(path) + " = 900 KiB of \\u escapes",
                            replaced(tree, path, "\"" + "\\u00e9".repeat(150_000) + "\"")));
                }
            }
            return inputs;
        }

        /** Invalid UTF-8 at every kind of place, BOMs, and the seed in UTF-16 and UTF-32 with and without a BOM. */
        private static List<Input> encodings(String seed) {
            List<Input> inputs = new ArrayList<>();
            byte[] utf8 = seed.getBytes(StandardCharsets.UTF_8);
            int insideString = seed.indexOf("\":\"") >= 0 ? seed.indexOf("\":\"") + 3 : -1;
            for (byte[] bad : BAD_UTF8) {
                String hex = hex(bad);
                inputs.add(Input.bytes("invalid UTF-8 " + hex + " alone", bad));
                inputs.add(Input.bytes("invalid UTF-8 " + hex + " first", concat(bad, utf8)));
                inputs.add(Input.bytes("invalid UTF-8 " + hex + " last", concat(utf8, bad)));
                inputs.add(Input.bytes("invalid UTF-8 " + hex + " as a key", concat(bytes('{', '"'), bad, bytes('"', ':', '1', '}'))));
                inputs.add(Input.bytes("invalid UTF-8 " + hex + " in a string", concat(bytes('"'), bad, bytes('"'))));
                if (insideString > 0) {
                    inputs.add(Input.bytes("invalid UTF-8 " + hex + " in a value", insert(utf8, insideString, bad)));
                }
            }
            byte[] bom = bytes(0xEF, 0xBB, 0xBF);
            inputs.add(Input.bytes("UTF-8 BOM", concat(bom, utf8)));
            inputs.add(Input.bytes("two UTF-8 BOMs", concat(bom, bom, utf8)));
            inputs.add(Input.bytes("UTF-8 BOM last", concat(utf8, bom)));
            inputs.add(Input.bytes("UTF-8 BOM only", bom));
            inputs.add(Input.bytes("half a UTF-8 BOM", concat(bytes(0xEF, 0xBB), utf8)));
            if (insideString > 0) {
                inputs.add(Input.bytes("UTF-8 BOM in a value", insert(utf8, insideString, bom)));
            }
            for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
                byte[] encoded = seed.getBytes(Charset.forName(charset));
                byte[] charsetBom = "\uFEFF".getBytes(Charset.forName(charset));
                inputs.add(Input.bytes(charset, encoded));
                inputs.add(Input.bytes(charset + " with BOM", concat(charsetBom, encoded)));
                inputs.add(Input.bytes(charset + " BOM, then UTF-8", concat(charsetBom, utf8)));
                inputs.add(Input.bytes(charset + ", odd length", Arrays.copyOf(encoded, encoded.length - 1)));
                inputs.add(Input.bytes(charset + " BOM only", charsetBom));
                inputs.add(new Input(charset + " declared", List.of("application/json; charset=" + charset), encoded, false));
                inputs.add(new Input(charset + " declared, UTF-8 sent", List.of("application/json; charset=" + charset), utf8, false));
            }
            // The UCS-4 byte orders nobody uses (2143, 3412), and UTF-32 code units past U+10FFFF.
            inputs.add(Input.bytes("UCS-4 2143 BOM", concat(bytes(0x00, 0x00, 0xFF, 0xFE), utf8)));
            inputs.add(Input.bytes("UCS-4 3412 BOM", concat(bytes(0xFE, 0xFF, 0x00, 0x00), utf8)));
            inputs.add(Input.bytes("UCS-4 2143 unmarked", bytes(0x00, 0x00, '{', 0x00, 0x00, 0x00, '}', 0x00)));
            inputs.add(Input.bytes("UCS-4 3412 unmarked", bytes(0x00, '{', 0x00, 0x00, 0x00, '}', 0x00, 0x00)));
            inputs.add(Input.bytes("UTF-32BE past U+10FFFF", bytes(0x00, 0x00, 0x00, '"', 0x7F, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, '"')));
            inputs.add(Input.bytes("UTF-32LE past U+10FFFF", bytes('"', 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x7F, '"', 0x00, 0x00, 0x00)));
            inputs.add(Input.bytes("UTF-32BE surrogate", bytes(0x00, 0x00, 0x00, '"', 0x00, 0x00, 0xD8, 0x00, 0x00, 0x00, 0x00, '"')));
            inputs.add(Input.bytes("UTF-16LE lone surrogate", bytes('"', 0x00, 0x00, 0xD8, '"', 0x00)));
            inputs.add(Input.bytes("NULs", new byte[64]));
            return inputs;
        }

        /** One to four random edits: truncation, byte flips, inserted characters, deleted or repeated ranges. */
        private static Input mutated(byte[] seed, Random random) {
            byte[] body = seed.clone();
            List<String> edits = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count && body.length > 0; i++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        body = Arrays.copyOf(body, at);
                        edits.add("truncate@" + at);
                    }
                    case 1 -> {
                        body[at] ^= (byte) (1 << random.nextInt(8));
                        edits.add("flip@" + at);
                    }
                    case 2 -> {
                        byte[] chars = "{}[]\",:\\ \t\n'0-+eE.tfn\u0000".getBytes(StandardCharsets.UTF_8);
                        body = insert(body, at, new byte[] {chars[random.nextInt(chars.length)]});
                        edits.add("insert@" + at);
                    }
                    case 3 -> {
                        body = insert(body, at, new byte[] {(byte) (0x80 + random.nextInt(0x80))});
                        edits.add("insert-high-byte@" + at);
                    }
                    case 4 -> {
                        int end = Math.min(body.length, at + 1 + random.nextInt(8));
                        body = concat(Arrays.copyOf(body, at), Arrays.copyOfRange(body, end, body.length));
                        edits.add("delete@" + at);
                    }
                    default -> {
                        int end = Math.min(body.length, at + 1 + random.nextInt(16));
                        body = insert(body, at, Arrays.copyOfRange(body, at, end));
                        edits.add("repeat@" + at);
                    }
                }
            }
            return Input.bytes("mutated " + String.join(",", edits), body);
        }

        private static void collectPaths(JsonNode node, List<Object> path, List<List<Object>> paths) {
            paths.add(List.copyOf(path));
            if (node instanceof ObjectNode object) {
                for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    path.add(name);
                    collectPaths(object.get(name), path, paths);
                    path.removeLast();
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    path.add(i);
                    collectPaths(array.get(i), path, paths);
                    path.removeLast();
                }
            }
        }

        private static JsonNode at(JsonNode root, List<Object> path) {
            JsonNode node = root;
            for (Object step : path) {
                node = step instanceof String name ? node.get(name) : node.get((Integer) step);
            }
            return node;
        }

        /** The tree as JSON with the value at {@code path} replaced by raw text (which need not be JSON). */
        private static String replaced(JsonNode tree, List<Object> path, String raw) throws IOException {
            if (path.isEmpty()) {
                return raw;
            }
            JsonNode copy = tree.deepCopy();
            JsonNode parent = at(copy, path.subList(0, path.size() - 1));
            Object last = path.getLast();
            TextNode mark = TextNode.valueOf(MARK.substring(1, MARK.length() - 1));
            if (last instanceof String name) {
                ((ObjectNode) parent).set(name, mark);
            } else {
                ((ArrayNode) parent).set((Integer) last, mark);
            }
            return JSON.writeValueAsString(copy).replace(MARK, raw);
        }

        private static String show(List<Object> path) {
            StringBuilder shown = new StringBuilder("$");
            path.forEach(step -> shown.append(step instanceof String name ? "." + name : "[" + step + "]"));
            return shown.toString();
        }

        private static String abbreviate(String text) {
            return text.length() <= 24 ? text : text.substring(0, 24) + "...(" + text.length() + ")";
        }

        private static byte[] bytes(int... values) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return bytes;
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }

        private static byte[] insert(byte[] body, int at, byte[] inserted) {
            return concat(Arrays.copyOf(body, at), inserted, Arrays.copyOfRange(body, at, body.length));
        }

        private static String hex(byte[] bytes) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("%02X", b & 0xFF));
            }
            return hex.toString();
        }
    }

    /** The test plugin: JSON routes taking records with typed fields, as a plugin author would write them. */
    static final class Fixtures {
        static final String ORDER = "{\"customer\":\"ada\",\"priority\":2,\"total\":1999,\"express\":false,"
                + "\"shipTo\":{\"street\":\"Main St 1\",\"zip\":12345,\"verified\":true},"
                + "\"lines\":[{\"sku\":\"A-1\",\"quantity\":3,\"price\":9.5,\"notes\":[\"gift\"]}],\"scope\":\"READ\"}";

        static final String PLUGIN = """
                public void register(PluginContext c) { c.rest().resource(new Orders()); }
                public record Address(String street, int zip, boolean verified) { }
                public record Line(String sku, int quantity, double price, java.util.List<String> notes) { }
                public record Order(String customer, int priority, long total, boolean express, Address shipTo,
                                    java.util.List<Line> lines, Scope scope) { }
                public record Flags(boolean archived, Integer rank, java.util.Map<String, Boolean> features) { }
                @jakarta.ws.rs.Path("orders")
                @jakarta.ws.rs.Produces("application/json")
                public static final class Orders {
                    @jakarta.ws.rs.POST @jakarta.ws.rs.Consumes("application/json")
                    public Order create(Order order) { return order; }
                    @jakarta.ws.rs.PUT @jakarta.ws.rs.Path("{id}") @jakarta.ws.rs.Consumes("application/json")
                    public Order replace(@jakarta.ws.rs.PathParam("id") long id, Order order) { return order; }
                    @jakarta.ws.rs.PATCH @jakarta.ws.rs.Path("{id}/flags") @jakarta.ws.rs.Consumes("application/json")
                    public Flags flags(@jakarta.ws.rs.PathParam("id") int id, Flags flags) { return flags; }
                    @jakarta.ws.rs.POST @jakarta.ws.rs.Path("bulk") @jakarta.ws.rs.Consumes("application/json")
                    public java.util.Map<String, Integer> bulk(java.util.List<Order> orders) {
                        return java.util.Map.of("count", orders == null ? 0 : orders.size());
                    }
                    @jakarta.ws.rs.POST @jakarta.ws.rs.Path("notes")
                    public java.util.Map<String, Integer> note(String text) {
                        return java.util.Map.of("length", text == null ? 0 : text.length());
                    }
                }
                """;

        private Fixtures() {
        }
    }
}
