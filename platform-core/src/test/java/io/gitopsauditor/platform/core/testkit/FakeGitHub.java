package io.gitopsauditor.platform.core.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GitHub REST API on {@code 127.0.0.1} for tests, answering with recorded GitHub responses
 * (see {@code github/README.md} beside the test kit's classes). Point a client at {@link #url()} as
 * {@code github.api-url}:
 * <pre>{@code
 * try (FakeGitHub github = FakeGitHub.start()) {
 *     github.withUser("alice", FakeRepository.numbered(250));
 *     var source = new GitHubAccountSource(TestGitHubConnection.anonymous(github.url()), "alice");
 *     assertThat(source.scan().hosted()).hasSize(250);  // the audit's source of one account
 *     assertThat(github.requests()).extracting(FakeGitHub.Request::path).contains("/users/alice/repos");
 * }
 * }</pre>
 *
 * <p>Out of the box it knows the recorded user {@value #USER} (whose token is {@link #TOKEN}) and
 * organisation {@value #ORGANIZATION}, and serves, for {@code GET} only:
 * {@code /user}, {@code /user/repos} (both need a token), {@code /users/{login}},
 * {@code /users/{login}/repos} (public repositories only, as GitHub does), {@code /orgs/{login}},
 * {@code /orgs/{login}/repos} (private ones too when a token is sent) and {@code /rate_limit}.
 * Lists are paged like GitHub's: {@code per_page} (default 30, at most 100), {@code page}, and a
 * {@code Link} header with {@code next}, {@code last}, {@code first}, {@code prev}.
 *
 * <p>Like GitHub it answers 401 {@code Bad credentials} to an unknown token, 404 to an unknown
 * login, and sends {@code X-RateLimit-*} headers on every response, counting requests down; when
 * none remain it answers 403 with {@code X-RateLimit-Remaining: 0}. Every {@code 200} to a
 * {@code GET} carries an {@code ETag} (a hash of the body); a request whose {@code If-None-Match}
 * names the current one is answered {@code 304 Not Modified} without a body and, as on GitHub,
 * without counting against the rate limit ({@link #notModifiedAnswers()}). Failures can be programmed per
 * path ({@link #failOn}, {@link #malformedJsonOn}, {@link #delayOn}, {@link #hangOn}), and every
 * request is logged ({@link #requests()}). Close it to stop the server and release hung requests.
 */
public final class FakeGitHub implements AutoCloseable {

    /** The recorded user; also the owner of {@link #TOKEN}. */
    public static final String USER = "octocat";
    /** The recorded organisation. */
    public static final String ORGANIZATION = "github";
    /** A token the fake accepts, belonging to {@value #USER}; shaped like a classic personal access token. */
    public static final String TOKEN = "ghp_FakeT0kenForTestsOnly1234567890abcd";

    private static final int DEFAULT_PAGE_SIZE = 30;
    private static final int MAX_PAGE_SIZE = 100;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> tokenOwners = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Path> gitRepositories = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(90_000_000);
    private final AtomicLong notModified = new AtomicLong();
    private RateLimitWindow rateLimit = new RateLimitWindow(60, 60, Instant.now().plus(Duration.ofHours(1)));

    /**
     * One request as the fake saw it.
     *
     * @param method     the HTTP method
     * @param path       the path, without the query
     * @param query      the raw query, or {@code ""}
     * @param authorized whether an {@code Authorization} header was sent (its value is never kept)
     */
    public record Request(String method, String path, String query, boolean authorized) {
    }

    private record Account(String login, String type, ObjectNode profile, ObjectNode me, ObjectNode organisation,
                           List<ObjectNode> repositories) {
        boolean isOrganisation() {
            return "Organization".equals(type);
        }
    }

    /** What to do instead of (or before) answering normally. */
    private sealed interface Failure {
        record Answer(int status, String body) implements Failure {
        }

        record Delay(Duration delay) implements Failure {
        }

        record Hang() implements Failure {
        }
    }

    private record RateLimitWindow(int limit, int remaining, Instant resetAt) {
    }

    private FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        accounts.put(USER, new Account(USER, "User", Recordings.object("users-octocat.json"),
                Recordings.object("user.json"), null, Recordings.array("user-repos.json")));
        accounts.put(ORGANIZATION, new Account(ORGANIZATION, "Organization", Recordings.object("users-github.json"),
                null, Recordings.object("orgs-github.json"), Recordings.array("orgs-github-repos.json")));
        tokenOwners.put(TOKEN, USER);
    }

    /**
     * @return a running fake on a free port of 127.0.0.1
     * @throws IOException when no port could be bound
     */
    public static FakeGitHub start() throws IOException {
        FakeGitHub github = new FakeGitHub();
        github.server.start();
        return github;
    }

    /** @return the address to configure as {@code github.api-url}, e.g. {@code http://127.0.0.1:50123} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Adds (or replaces) a user whose repositories are generated from the recorded template.
     *
     * @return this fake
     */
    public FakeGitHub withUser(String login, List<FakeRepository> repositories) {
        long id = nextId.incrementAndGet();
        accounts.put(key(login), new Account(login, "User", Recordings.account("users-octocat.json", login, id),
                Recordings.account("user.json", login, id), null, generate(login, "User", id, repositories)));
        return this;
    }

    /**
     * Adds (or replaces) an organisation whose repositories are generated from the recorded template.
     *
     * @return this fake
     */
    public FakeGitHub withOrganization(String login, List<FakeRepository> repositories) {
        long id = nextId.incrementAndGet();
        accounts.put(key(login), new Account(login, "Organization", Recordings.account("users-github.json", login, id),
                null, Recordings.account("orgs-github.json", login, id), generate(login, "Organization", id, repositories)));
        return this;
    }

    /**
     * Accepts another token, as belonging to a user added with {@link #withUser} (or {@value #USER}).
     *
     * @return this fake
     */
    public FakeGitHub withToken(String token, String login) {
        tokenOwners.put(token, login);
        return this;
    }

    /**
     * Makes one listed repository's {@code clone_url} point elsewhere, e.g. at a local bare
     * repository ({@code file:///...}), so that cloning it works without a network.
     *
     * @return this fake
     * @throws IllegalArgumentException when the owner does not list that repository
     */
    public FakeGitHub withCloneUrl(String owner, String repository, String cloneUrl) {
        return withField(owner, repository, "clone_url", cloneUrl);
    }

    /**
     * Sets (or, with {@code null}, removes) one field of a listed repository as GitHub would send
     * it, e.g. an {@code html_url} that is no URL, to see what a bad entry does.
     *
     * @return this fake
     * @throws IllegalArgumentException when the owner does not list that repository
     */
    public FakeGitHub withField(String owner, String repository, String field, String value) {
        Account account = accounts.get(key(owner));
        ObjectNode listed = account == null ? null : account.repositories().stream()
                .filter(r -> r.path("name").asText().equals(repository)).findFirst().orElse(null);
        if (listed == null) {
            throw new IllegalArgumentException(owner + " lists no repository " + repository);
        }
        if (value == null) {
            listed.remove(field);
        } else {
            listed.put(field, value);
        }
        return this;
    }

    /**
     * Serves a bare repository over git's "dumb" HTTP protocol at {@code <url()>/<owner>/<name>.git}
     * and lists that as the repository's {@code clone_url}: the one origin the clone fix accepts
     * when {@code github.api-url} is this fake, so cloning works without a network.
     *
     * @param bare a bare repository on disk
     * @return this fake
     * @throws IllegalArgumentException when the owner does not list that repository
     */
    public FakeGitHub withGitRepository(String owner, String repository, Path bare) {
        String prefix = "/" + owner + "/" + repository + ".git";
        withCloneUrl(owner, repository, url() + prefix);
        gitRepositories.put(prefix, bare);
        return this;
    }

    /**
     * Answers every request to {@code path} (exact, without query) with this status and body,
     * still with rate-limit headers.
     *
     * @return this fake
     */
    public FakeGitHub failOn(String path, int status, String body) {
        failures.put(path, new Failure.Answer(status, body));
        return this;
    }

    /**
     * Answers {@code path} with 200 and a JSON document cut off in the middle.
     *
     * @return this fake
     */
    public FakeGitHub malformedJsonOn(String path) {
        return failOn(path, 200, "[{\"id\": 1296269, \"name\": \"Hello-World\", \"owner\": {\"login\": ");
    }

    /**
     * Waits this long before answering {@code path} normally.
     *
     * @return this fake
     */
    public FakeGitHub delayOn(String path, Duration delay) {
        failures.put(path, new Failure.Delay(delay));
        return this;
    }

    /**
     * Never answers {@code path}: the connection is accepted and then left waiting until {@link #close()}.
     *
     * @return this fake
     */
    public FakeGitHub hangOn(String path) {
        failures.put(path, new Failure.Hang());
        return this;
    }

    /** Forgets every programmed failure. */
    public void clearFailures() {
        failures.clear();
    }

    /**
     * Sets the rate-limit window; with {@code remaining} 0 every API request answers 403, rate limited.
     *
     * @return this fake
     */
    public synchronized FakeGitHub rateLimit(int limit, int remaining, Instant resetAt) {
        rateLimit = new RateLimitWindow(limit, remaining, resetAt);
        return this;
    }

    /** @return how many requests were answered {@code 304 Not Modified} (not counted against the rate limit) */
    public long notModifiedAnswers() {
        return notModified.get();
    }

    /** @return every request received so far, oldest first */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (GitOverHttp.serve(exchange, path, gitRepositories)) {
                return;
            }
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            Optional<String> authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(new Request(exchange.getRequestMethod(), path, query, authorization.isPresent()));
            RateLimitWindow window = "/rate_limit".equals(path) ? currentRateLimit() : spendRequest();
            addRateLimitHeaders(exchange, window);

            Failure failure = failures.get(path);
            if (failure instanceof Failure.Hang) {
                closing.await();
                return;
            }
            if (failure instanceof Failure.Delay(Duration delay) && closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            if (failure instanceof Failure.Answer(int status, String body)) {
                send(exchange, status, body);
                return;
            }
            if (window.remaining() < 0) {
                send(exchange, 403, Recordings.text("error-rate-limited.json"));
                return;
            }
            Optional<String> login = authorization.map(FakeGitHub::tokenOf).map(tokenOwners::get);
            if (authorization.isPresent() && login.isEmpty()) {
                send(exchange, 401, Recordings.text("error-bad-credentials.json"));
                return;
            }
            route(exchange, path, query, login);
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException bug) {
            send(exchange, 500, Recordings.text("error-server.json"));
        }
    }

    private void route(HttpExchange exchange, String path, String query, Optional<String> login) throws IOException {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 404, Recordings.text("error-not-found.json"));
        } else if (path.equals("/rate_limit")) {
            sendOk(exchange, rateLimitBody(currentRateLimit()));
        } else if (path.equals("/user") || path.equals("/user/repos")) {
            Optional<Account> me = login.map(FakeGitHub::key).map(accounts::get);
            if (me.isEmpty()) {
                send(exchange, 401, Recordings.text("error-requires-authentication.json"));
            } else if (path.equals("/user")) {
                sendOk(exchange, me.get().me().toString());
            } else {
                sendPage(exchange, path, query, me.get().repositories());
            }
        } else if (segments.length >= 2 && segments.length <= 3 && (segments[0].equals("users") || segments[0].equals("orgs"))) {
            Account account = accounts.get(key(segments[1]));
            boolean orgPath = segments[0].equals("orgs");
            if (account == null || (orgPath && !account.isOrganisation())) {
                send(exchange, 404, Recordings.text("error-not-found.json"));
            } else if (segments.length == 2) {
                sendOk(exchange, (orgPath ? account.organisation() : account.profile()).toString());
            } else if (segments[2].equals("repos")) {
                // /users/{u}/repos is public-only on GitHub even for the owner; an org listing shows members private ones.
                boolean showPrivate = orgPath && login.isPresent();
                sendPage(exchange, path, query, account.repositories().stream()
                        .filter(repository -> showPrivate || !repository.path("private").asBoolean()).toList());
            } else {
                send(exchange, 404, Recordings.text("error-not-found.json"));
            }
        } else {
            send(exchange, 404, Recordings.text("error-not-found.json"));
        }
    }

    private void sendPage(HttpExchange exchange, String path, String query, List<ObjectNode> items) throws IOException {
        Map<String, String> parameters = Pages.parameters(query);
        int pageSize = Math.min(MAX_PAGE_SIZE, Pages.number(parameters.get("per_page"), DEFAULT_PAGE_SIZE));
        int page = Pages.number(parameters.get("page"), 1);
        int lastPage = Math.max(1, (items.size() + pageSize - 1) / pageSize);
        ArrayNode body = Recordings.JSON.createArrayNode();
        items.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(body::add);
        Pages.linkHeader(url() + path, parameters, page, lastPage)
                .ifPresent(link -> exchange.getResponseHeaders().set("Link", link));
        sendOk(exchange, body.toString());
    }

    private List<ObjectNode> generate(String owner, String type, long ownerId, List<FakeRepository> repositories) {
        return repositories.stream()
                .map(spec -> Recordings.repository(owner, type, ownerId, spec, nextId.incrementAndGet()))
                .toList();
    }

    private synchronized RateLimitWindow currentRateLimit() {
        return rateLimit;
    }

    /** Counts one request; a negative remaining count means this request is over the limit. */
    private synchronized RateLimitWindow spendRequest() {
        RateLimitWindow before = rateLimit;
        rateLimit = new RateLimitWindow(before.limit(), Math.max(0, before.remaining() - 1), before.resetAt());
        return new RateLimitWindow(before.limit(), before.remaining() - 1, before.resetAt());
    }

    /** Gives back the request {@link #spendRequest} took: a 304 is free. */
    private synchronized RateLimitWindow refundRequest() {
        rateLimit = new RateLimitWindow(rateLimit.limit(), Math.min(rateLimit.limit(), rateLimit.remaining() + 1),
                rateLimit.resetAt());
        return rateLimit;
    }

    private static void addRateLimitHeaders(HttpExchange exchange, RateLimitWindow window) {
        int remaining = Math.max(0, window.remaining());
        var headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(window.limit()));
        headers.set("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.set("X-RateLimit-Used", Integer.toString(window.limit() - remaining));
        headers.set("X-RateLimit-Reset", Long.toString(window.resetAt().getEpochSecond()));
        headers.set("X-RateLimit-Resource", "core");
        headers.set("X-GitHub-Media-Type", "github.v3; format=json");
        headers.set("X-GitHub-Api-Version-Selected", "2022-11-28");
    }

    private static String rateLimitBody(RateLimitWindow window) {
        ObjectNode recorded = Recordings.object("rate_limit.json");
        for (ObjectNode core : List.of((ObjectNode) recorded.path("resources").path("core"), (ObjectNode) recorded.path("rate"))) {
            core.put("limit", window.limit()).put("remaining", window.remaining())
                    .put("used", window.limit() - window.remaining()).put("reset", window.resetAt().getEpochSecond());
        }
        return recorded.toString();
    }

    /**
     * A 200 with an {@code ETag}, or a 304 when the client already holds this body: then, as on
     * GitHub, the request is given back to the rate limit and the headers say so.
     */
    private void sendOk(HttpExchange exchange, String body) {
        String etag = etagOf(body);
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            addRateLimitHeaders(exchange, refundRequest());
            try {
                exchange.sendResponseHeaders(304, -1);
            } catch (IOException clientGone) {
                // Nothing left to tell it.
            }
            return;
        }
        send(exchange, 200, body);
    }

    private static String etagOf(String body) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // The client gave up (timeout, cancelled scan): nothing left to tell it.
        }
    }

    /** {@code token X} (what github-api sends) or {@code Bearer X}. */
    private static String tokenOf(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? authorization : authorization.substring(space + 1).strip();
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }
}
