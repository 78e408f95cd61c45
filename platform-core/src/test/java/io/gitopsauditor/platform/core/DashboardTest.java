package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard shell at "/", with the small stand-in shell in this module's test resources
 * (META-INF/gitops-auditor/dashboard/): public, index.html for every page route, hashed assets
 * cached for good.
 */
class DashboardTest {
    private static final String IMPORT_MAP = "{\"imports\":{\"react\":\"/vendor/react-test.js\"}}";

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void boot() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> anonymousGet(String path) {
        return server.anonymously(HttpRequest.newBuilder(server.uri(path)).GET());
    }

    @Test
    void rootServesTheShellToAnyoneWithTheSecurityHeaders() {
        HttpResponse<String> response = anonymousGet("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("GitOps Auditor (test shell)");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void theShellsPolicyAllowsItsImportMapByHashAndNoOtherInlineScript() throws Exception {
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(IMPORT_MAP.getBytes(StandardCharsets.UTF_8)));

        String policy = anonymousGet("/").headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "';")
                .contains("frame-ancestors 'none'");
        assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
                .doesNotContain("unsafe-inline");
    }

    @Test
    void aDeepLinkServesTheShellSoClientRoutesSurviveAReload() {
        HttpResponse<String> deepLink = anonymousGet("/repos/abc");

        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(anonymousGet("/").body());
        assertThat(anonymousGet("/p/hello/greetings").statusCode()).isEqualTo(200);
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        HttpResponse<String> asset = anonymousGet("/assets/app-abc123.js");

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.body()).contains("test shell");
    }

    @Test
    void missingFilesAndKernelPathsAreNotAnsweredWithTheShell() {
        assertThat(anonymousGet("/assets/gone-123.js").statusCode()).isEqualTo(404);
        assertThat(anonymousGet("/favicon.ico").statusCode()).isEqualTo(404);
        assertThat(anonymousGet("/ui/nope/index.js").statusCode()).isEqualTo(404);
        assertThat(anonymousGet("/api/nope").statusCode()).isEqualTo(401);
        assertThat(server.get("/api/nope").statusCode()).isEqualTo(404);
    }
}
