package io.gitopsauditor.platform.core.security;

import static io.gitopsauditor.platform.core.security.SecurityFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.ExamplePlugin;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.plugin.api.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security flows a user goes through, against the real server. */
class AuthFlowTest {
    @TempDir
    Path data;

    @Test
    void firstStartWritesAPrivateSetupSecretAndSetupWorksOnceWithIt() throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            Path secretFile = server.platform().setupSecretFile().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
            assertThat(TestServer.json(server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/setup")).GET()))
                    .path("required").asBoolean()).isTrue();

            HttpResponse<String> wrong = server.anonymously(json("/api/platform/setup", server,
                    "{\"secret\":\"guess\",\"username\":\"admin\",\"password\":\"long enough password\"}"));
            assertThat(wrong.statusCode()).isEqualTo(403);

            SecurityFixtures.Session session = SecurityFixtures.adminSession(server);
            assertThat(session.csrfToken()).isNotBlank();
            assertThat(Files.exists(secretFile)).as("the used secret is deleted").isFalse();
            HttpResponse<String> again = server.anonymously(json("/api/platform/setup", server,
                    "{\"secret\":\"x\",\"username\":\"second\",\"password\":\"long enough password\"}"));
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/setup")).GET()).statusCode())
                    .as("the setup route is gone").isEqualTo(404);
        }
    }

    @Test
    void sessionCookieIsHttpOnlyStrictNewAtEachLoginAndDeadAfterLogout() throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            SecurityFixtures.Session first = SecurityFixtures.adminSession(server);
            HttpResponse<String> login = server.anonymously(json("/api/platform/login", server,
                    "{\"username\":\"admin\",\"password\":\"" + SecurityFixtures.PASSWORD + "\"}"));
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
            assertThat(setCookie).doesNotContain(first.cookie());

            HttpResponse<String> who = server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/session"))
                    .header("Cookie", first.cookie()).GET());
            assertThat(TestServer.json(who).path("via").asText()).isEqualTo("session");

            HttpResponse<String> logout = server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/logout"))
                    .header("Cookie", first.cookie()).header("X-CSRF-Token", first.csrfToken())
                    .header("Origin", "http://127.0.0.1:" + server.platform().port())
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(logout.statusCode()).isEqualTo(204);
            assertThat(server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/session"))
                    .header("Cookie", first.cookie()).GET()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void cookieSessionChangesWithItsCsrfTokenFromItsOwnOriginButNotFromAnother() throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            SecurityFixtures.Session session = SecurityFixtures.adminSession(server);
            String ownOrigin = "http://127.0.0.1:" + server.platform().port();
            HttpResponse<String> ok = server.anonymously(json("/api/hello/greetings", server, "{\"name\":\"csrf\"}")
                    .header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrfToken()).header("Origin", ownOrigin));
            assertThat(ok.statusCode()).isEqualTo(201);
            HttpResponse<String> foreign = server.anonymously(json("/api/hello/greetings", server, "{\"name\":\"csrf\"}")
                    .header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrfToken())
                    .header("Origin", "https://evil.example"));
            assertThat(foreign.statusCode()).isEqualTo(403);
            HttpResponse<String> forged = server.anonymously(json("/api/hello/greetings", server, "{\"name\":\"csrf\"}")
                    .header("Cookie", session.cookie()).header("X-CSRF-Token", "guessed").header("Origin", ownOrigin));
            assertThat(forged.statusCode()).isEqualTo(403);
            HttpResponse<String> noOrigin = server.anonymously(json("/api/hello/greetings", server, "{\"name\":\"csrf\"}")
                    .header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrfToken()));
            assertThat(noOrigin.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void repeatedFailedLoginsAreThrottledWithRetryAfter() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of("security.login-attempts-per-minute", "3"))) {
            SecurityFixtures.adminSession(server);
            int last = 0;
            HttpResponse<String> response = null;
            for (int i = 0; i < 4; i++) {
                response = server.anonymously(json("/api/platform/login", server, "{\"username\":\"admin\",\"password\":\"wrong wrong wrong\"}"));
                last = response.statusCode();
            }
            assertThat(last).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(0)).isBetween(1, 61);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void tokensAreShownOnceListedWithoutSecretsAndRevocable() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/platform/tokens"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci\",\"scope\":\"READ\"}")));
            assertThat(created.statusCode()).isEqualTo(201);
            String token = TestServer.json(created).path("token").asText();
            assertThat(token).startsWith("gat_");
            assertThat(server.get("/api/platform/tokens").body()).contains("\"ci\"").doesNotContain(token);

            HttpRequest.Builder read = HttpRequest.newBuilder(server.uri("/api/platform/plugins")).header("Authorization", "Bearer " + token);
            assertThat(server.anonymously(read).statusCode()).isEqualTo(200);
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/platform/tokens/ci")).DELETE()).statusCode()).isEqualTo(204);
            assertThat(server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/plugins"))
                    .header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aTokenRevokedOutsideTheServerStopsWorkingWithinSeconds() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String token = server.platform().securityStore().createToken("outside", Scope.READ, "tests").token();
            HttpRequest.Builder call = HttpRequest.newBuilder(server.uri("/api/platform/plugins")).header("Authorization", "Bearer " + token);
            assertThat(server.anonymously(call).statusCode()).isEqualTo(200);
            server.platform().securityStore().revokeTokens("outside"); // as the CLI does, in another process
            Thread.sleep(2_500); // past the credential cache's life
            assertThat(server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/plugins"))
                    .header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void securityEventsAreRecordedAndOnlyAdminsSeeThem() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            SecurityFixtures.adminSession(server);
            server.anonymously(json("/api/platform/login", server, "{\"username\":\"admin\",\"password\":\"not the password\"}"));
            String events = server.get("/api/platform/security-events").body();
            assertThat(events).contains("\"setup\"").contains("\"login\"").contains("\"login-failed\"");
            String write = server.createToken(Scope.WRITE);
            assertThat(server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/security-events"))
                    .header("Authorization", "Bearer " + write)).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void publicRoutesAnswerWithoutCredentialsAndEveryResponseCarriesSecurityHeaders() {
        try (TestServer server = TestServer.start(data)) {
            for (String path : new String[] {"/api/platform/health", "/api/platform/version", "/api/platform/setup"}) {
                // (setup answers while there is no admin yet)
                HttpResponse<String> response = server.anonymously(HttpRequest.newBuilder(server.uri(path)).GET());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
            for (String path : new String[] {"/api/platform/health", "/api/platform/plugins", "/ui/nothing", "/"}) {
                var headers = server.anonymously(HttpRequest.newBuilder(server.uri(path)).GET()).headers();
                assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(headers.firstValue("Content-Security-Policy").orElse("")).as(path).contains("frame-ancestors 'none'");
                assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            }
        }
    }

    @Test
    void oversizedBodiesHeadersAndDeepJsonAreRefusedCleanly() throws Exception {
        try (TestServer server = ExamplePlugin.server(data)) {
            HttpResponse<String> big = server.postJson("/api/hello/greetings", "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            assertThat(big.statusCode()).isEqualTo(413);
            HttpResponse<String> headers = server.send(HttpRequest.newBuilder(server.uri("/api/platform/plugins"))
                    .header("X-Padding", "y".repeat(20_000)).GET());
            assertThat(headers.statusCode()).isEqualTo(431);
            HttpResponse<String> deep = server.postJson("/api/hello/greetings", "[".repeat(100_000) + "]".repeat(100_000));
            assertThat(deep.statusCode()).isEqualTo(400);
            assertThat(deep.body()).doesNotContain("Exception");
        }
    }
}
