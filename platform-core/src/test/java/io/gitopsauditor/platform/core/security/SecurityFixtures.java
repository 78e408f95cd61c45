package io.gitopsauditor.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

/** Logs in through the real first-run setup, as a browser would. */
final class SecurityFixtures {
    static final String ADMIN = "admin";
    static final String PASSWORD = "correct horse battery staple";

    private SecurityFixtures() {
    }

    /** A browser session: the cookie to send and the CSRF token to echo. */
    record Session(String cookie, String csrfToken) {
    }

    /** Completes setup if it is still needed, then logs in. */
    static Session adminSession(TestServer server) throws Exception {
        var secretFile = server.platform().setupSecretFile();
        if (server.platform().securityStore().usernames().isEmpty()) {
            String secret = Files.readString(secretFile.orElseThrow()).strip();
            HttpResponse<String> setup = server.anonymously(json("/api/platform/setup", server,
                    "{\"secret\":\"" + secret + "\",\"username\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}"));
            assertThat(setup.statusCode()).as(setup.body()).isEqualTo(201);
        }
        HttpResponse<String> login = server.anonymously(json("/api/platform/login", server,
                "{\"username\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        JsonNode body = TestServer.json(login);
        return new Session(setCookie.substring(0, setCookie.indexOf(';')), body.path("csrfToken").asText());
    }

    static HttpRequest.Builder json(String path, TestServer server, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
