package io.gitopsauditor.platform.core.security;

import static io.gitopsauditor.platform.core.testkit.PluginJarBuilder.simplePlugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.internal.http.Route;
import io.gitopsauditor.platform.core.internal.security.AccessGate;
import io.gitopsauditor.platform.core.testkit.ExamplePlugin;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.plugin.api.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route of Jersey's live model, the kernel's and the plugins' (a test plugin is
 * installed for the sweep), and proves the gate covers each: no credentials, a read-only token
 * on a change, a cookie session without its CSRF token, a write token on an admin route.
 */
class AccessSweepTest {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @TempDir
    static Path data;

    static TestServer server;
    static List<Route> routes;

    @BeforeAll
    static void boot() throws Exception {
        ExamplePlugin.copyInto(data.resolve("plugins"));
        simplePlugin("test.guarded", "guarded", "0.1", """
                public void register(PluginContext c) { c.rest().resource(new Items()); }
                @jakarta.ws.rs.Path("items")
                public static final class Items {
                    @jakarta.ws.rs.GET public String list() { return "[]"; }
                    @jakarta.ws.rs.GET @jakarta.ws.rs.Path("{id}") public String one(@jakarta.ws.rs.PathParam("id") String id) { return id; }
                    @jakarta.ws.rs.POST public String add(String body) { return "added"; }
                    @jakarta.ws.rs.PUT @jakarta.ws.rs.Path("{id}") public String put(@jakarta.ws.rs.PathParam("id") String id, String body) { return id; }
                    @jakarta.ws.rs.DELETE @jakarta.ws.rs.Path("{id}") public void delete(@jakarta.ws.rs.PathParam("id") String id) { }
                    @jakarta.ws.rs.POST @jakarta.ws.rs.Path("keys") @RequiresScope(Scope.ADMIN) public String rotate() { return "rotated"; }
                }
                """).buildInto(data.resolve("plugins"), "guarded.jar");
        server = TestServer.start(data);
        routes = server.platform().routes();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sweepSeesTheKernelsAndEveryPluginsRoutes() {
        Set<String> paths = routes.stream().map(Route::path).collect(Collectors.toSet());
        assertThat(paths).contains("/api/platform/plugins", "/api/hello/greetings", "/api/guarded/items", "/api/guarded/items/{id}");
    }

    @Test
    void publicRoutesAreExactlyTheGatesAllowList() {
        Set<String> annotated = routes.stream().filter(Route::publicRoute).map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        Set<String> allowed = AccessGate.PUBLIC_ROUTES.stream().filter(r -> !r.startsWith("HEAD ")).collect(Collectors.toSet());
        assertThat(annotated).isEqualTo(allowed);
    }

    @Test
    void everyNonPublicRouteRefusesACallWithoutCredentials() {
        List<String> checked = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            HttpResponse<String> response = server.anonymously(request(route));
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(route.toString()).isPresent();
            checked.add(route.method() + " " + route.path());
        }
        System.getLogger("sweep").log(System.Logger.Level.INFO, "401 without credentials: " + checked.size() + " routes");
        assertThat(checked).hasSizeGreaterThan(10);
    }

    @Test
    void aReadTokenIsRefusedOnEveryMutatingRoute() {
        String read = server.createToken(Scope.READ);
        List<Route> mutating = protectedRoutes().stream().filter(r -> !SAFE.contains(r.method())).toList();
        for (Route route : mutating) {
            HttpResponse<String> response = server.anonymously(request(route).header("Authorization", "Bearer " + read));
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(403);
        }
        assertThat(mutating).hasSizeGreaterThan(5);
    }

    @Test
    void aCookieSessionWithoutItsCsrfTokenIsRefusedOnEveryMutatingRoute() throws Exception {
        String cookie = SecurityFixtures.adminSession(server).cookie();
        List<Route> mutating = protectedRoutes().stream().filter(r -> !SAFE.contains(r.method())).toList();
        for (Route route : mutating) {
            HttpResponse<String> response = server.anonymously(request(route).header("Cookie", cookie)
                    .header("Origin", "http://127.0.0.1:" + server.platform().port()));
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(403);
            assertThat(response.body()).contains("CSRF");
        }
    }

    @Test
    void adminRoutesRefuseAWriteToken() {
        String write = server.createToken(Scope.WRITE);
        for (String admin : List.of("GET /api/platform/tokens", "POST /api/platform/tokens", "GET /api/platform/security-events",
                "GET /api/platform/settings", "PUT /api/platform/settings/{plugin}", "GET /api/platform/secrets",
                "PUT /api/platform/secrets/{name}", "DELETE /api/platform/secrets/{name}", "POST /api/guarded/items/keys")) {
            Route route = routes.stream().filter(r -> (r.method() + " " + r.path()).equals(admin)).findFirst().orElseThrow();
            HttpResponse<String> response = server.anonymously(request(route).header("Authorization", "Bearer " + write));
            assertThat(response.statusCode()).as(admin).isEqualTo(403);
        }
    }

    private static List<Route> protectedRoutes() {
        return routes.stream().filter(r -> !r.publicRoute()).toList();
    }

    /** A request for a route, path parameters filled in, with a small JSON body for methods that take one. */
    static HttpRequest.Builder request(Route route) {
        String path = route.path().replaceAll("\\{[^}]+}", "1");
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri(path));
        boolean body = Set.of("POST", "PUT", "PATCH").contains(route.method());
        return builder.header("Content-Type", "application/json")
                .method(route.method(), body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
    }

    static boolean exists(Path path) {
        return Files.exists(path);
    }
}
