package io.gitopsauditor.platform.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import io.gitopsauditor.plugin.api.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared settings through the real server: over REST, live into the plugin, fixed by file or environment, validated. */
class SettingsOverHttpTest {

    @TempDir
    Path data;

    private TestServer start(Map<String, String> settings) throws Exception {
        TunedPlugin.buildInto(data.resolve("plugins"));
        return TestServer.start(data, settings);
    }

    @Test
    void aSettingChangedOverRestReachesThePluginWithoutARestartOffTheRequestThread() throws Exception {
        Path folder = Files.createDirectory(data.resolve("clones"));
        try (TestServer server = start(Map.of())) {
            assertThat(server.get("/api/tuned/seen/now").body()).isEqualTo("Hello 3 DEFAULT none");

            HttpResponse<String> changed = server.putJson("/api/platform/settings/tuned",
                    "{\"greeting\": \"Hi\", \"size\": 7, \"roots\": [\"" + folder + "\"]}");

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            JsonNode group = TestServer.json(changed);
            assertThat(group.path("values").path("greeting").asText()).isEqualTo("Hi");
            assertThat(group.path("sources").path("size").asText()).isEqualTo("dashboard");
            String seen = await(() -> server.get("/api/tuned/seen").body(), text -> !text.isEmpty());
            assertThat(seen).isEqualTo("settings-changes [greeting, roots, size] greeting Hello -> Hi size 7 roots [" + folder + "]");
            assertThat(server.get("/api/tuned/seen/now").body()).isEqualTo("Hi 7 DASHBOARD none");

            assertThat(server.putJson("/api/platform/settings/tuned", "{\"greeting\": null}").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/tuned/seen/now").body()).isEqualTo("Hello 7 DEFAULT none");
        }
        try (TestServer again = TestServer.start(data)) {
            assertThat(again.get("/api/tuned/seen/now").body()).as("kept over a restart").isEqualTo("Hello 7 DEFAULT none");
        }
    }

    @Test
    void theSettingsListDescribesEachGroupAsAJsonSchemaWithValuesAndSources() throws Exception {
        try (TestServer server = start(Map.of())) {
            HttpResponse<String> response = server.get("/api/platform/settings");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode groups = TestServer.json(response).path("groups");
            assertThat(groups.get(0).path("plugin").asText()).isEqualTo("platform");
            assertThat(groups.get(0).path("title").asText()).isEqualTo("GitHub");
            assertThat(groups.get(0).path("schema").path("properties").path("github.token").path("x-setting").asText()).isEqualTo("secret");
            assertThat(groups.get(0).path("values").path("github.token").path("set").asBoolean()).isFalse();
            JsonNode tuned = groups.get(1);
            assertThat(tuned.path("plugin").asText()).isEqualTo("tuned");
            JsonNode properties = tuned.path("schema").path("properties");
            assertThat(properties.path("size").path("type").asText()).isEqualTo("integer");
            assertThat(properties.path("size").path("maximum").asInt()).isEqualTo(10);
            assertThat(properties.path("mode").path("enum").toString()).isEqualTo("[\"fast\",\"thorough\"]");
            assertThat(properties.path("roots").path("items").path("x-setting").asText()).isEqualTo("folder");
            assertThat(tuned.path("values").path("greeting").asText()).isEqualTo("Hello");
            assertThat(tuned.path("sources").path("greeting").asText()).isEqualTo("default");
        }
    }

    @Test
    void invalidValuesAreRefusedWithOneErrorPerFieldAndNothingIsStored() throws Exception {
        try (TestServer server = start(Map.of())) {
            HttpResponse<String> response = server.putJson("/api/platform/settings/tuned",
                    "{\"greeting\": \"Hi\", \"size\": 11, \"mode\": \"slow\", \"roots\": [\"" + data.resolve("missing")
                            + "\", \"relative/path\"], \"colour\": \"red\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode errors = TestServer.json(response).path("errors");
            assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("size", "mode", "roots", "colour");
            assertThat(errors.toString()).contains("from 1 to 10", "fast, thorough", "does not exist on the server");
            assertThat(server.get("/api/tuned/seen/now").body()).isEqualTo("Hello 3 DEFAULT none");
        }
    }

    @Test
    void aFolderThatIsAFileIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(data.resolve("a-file"), "x");
        try (TestServer server = start(Map.of())) {
            HttpResponse<String> response = server.putJson("/api/platform/settings/tuned", "{\"roots\": [\"" + file + "\"]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(response).path("errors").get(0).path("message").asText()).isEqualTo(file + " is not a folder");
        }
    }

    @Test
    void valuesFromTheEnvironmentOrTheFileAreShownAsFixedAndRefusedWith409() throws Exception {
        TunedPlugin.buildInto(data.resolve("plugins"));
        Path file = Files.writeString(data.resolve("gitops-auditor.yml"), "plugins:\n  tuned:\n    greeting: Howdy\n");
        try (TestServer server = TestServer.start(data, file, Map.of("GITOPS_AUDITOR_PLUGINS_TUNED_SIZE", "9"), Map.of())) {
            JsonNode group = TestServer.json(server.get("/api/platform/settings/tuned"));
            assertThat(group.path("sources").path("greeting").asText()).isEqualTo("file");
            assertThat(group.path("sources").path("size").asText()).isEqualTo("environment");
            assertThat(group.path("fixedBy").path("size").asText()).isEqualTo("GITOPS_AUDITOR_PLUGINS_TUNED_SIZE");
            assertThat(group.path("schema").path("properties").path("greeting").path("readOnly").asBoolean()).isTrue();
            assertThat(server.get("/api/tuned/seen/now").body()).isEqualTo("Howdy 9 FILE none");

            HttpResponse<String> byEnvironment = server.putJson("/api/platform/settings/tuned", "{\"size\": 2}");
            HttpResponse<String> byFile = server.putJson("/api/platform/settings/tuned", "{\"greeting\": \"Hi\"}");

            assertThat(byEnvironment.statusCode()).isEqualTo(409);
            assertThat(TestServer.json(byEnvironment).path("detail").asText())
                    .contains("plugins.tuned.size is fixed by the environment variable GITOPS_AUDITOR_PLUGINS_TUNED_SIZE");
            assertThat(byFile.statusCode()).isEqualTo(409);
            assertThat(TestServer.json(byFile).path("detail").asText()).contains("the config file " + file);
        }
    }

    @Test
    void aGitHubTokenSetInTheDashboardReachesTheGitHubClientAndIsNeverSentBack() throws Exception {
        String token = "ghp_canary" + System.nanoTime();
        try (TestServer server = start(Map.of())) {
            assertThat(TestServer.json(server.get("/api/platform/github")).path("tokenConfigured").asBoolean()).isFalse();

            HttpResponse<String> changed = server.putJson("/api/platform/settings/platform",
                    "{\"github.token\": \"" + token + "\", \"github.timeout\": \"5s\"}");

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(changed.body()).doesNotContain(token);
            JsonNode value = TestServer.json(changed).path("values").path("github.token");
            assertThat(value.path("set").asBoolean()).isTrue();
            assertThat(value.path("updatedAt").asText()).isNotEmpty();
            await(() -> server.get("/api/platform/github").body(), body -> body.contains("\"tokenConfigured\":true"));
            assertThat(server.get("/api/tuned/seen/secret/github.token").body()).isEqualTo("length " + token.length());
            for (String path : new String[] {"/api/platform/settings", "/api/platform/secrets", "/api/platform/github",
                    "/api/platform/security-events"}) {
                assertThat(server.get(path).body()).as(path).doesNotContain(token);
            }
        }
    }

    @Test
    void aPluginReadsItsOwnSecretsAndGitHubsTokenButNotAnotherPluginsOrThePlatformsOthers() throws Exception {
        try (TestServer server = start(Map.of())) {
            assertThat(server.putJson("/api/platform/settings/tuned", "{\"api-key\": \"k-123456\"}").statusCode()).isEqualTo(200);

            assertThat(server.get("/api/tuned/seen/secret/tuned.api-key").body()).isEqualTo("length 8");
            assertThat(server.get("/api/tuned/seen/secret/audit.api-key").body())
                    .startsWith("refused: tuned: may read its own secrets (tuned.*) and github.token, not 'audit.api-key'");
            assertThat(server.get("/api/tuned/seen/secret/github.api-url").body()).startsWith("refused:");
            assertThat(await(() -> server.get("/api/tuned/seen").body(), text -> !text.isEmpty())).contains("[api-key]");
        }
    }

    @Test
    void secretsAreListedWithoutValuesAndEverySecretChangeIsASecurityEvent() throws Exception {
        try (TestServer server = start(Map.of())) {
            assertThat(server.putJson("/api/platform/secrets/tuned.deploy-key", "{\"value\": \"s3cr3t-value\"}").statusCode())
                    .isEqualTo(204);
            assertThat(server.putJson("/api/platform/secrets/nobody.key", "{\"value\": \"x\"}").statusCode()).isEqualTo(400);

            JsonNode list = TestServer.json(server.get("/api/platform/secrets"));
            assertThat(list.path("total").asInt()).isEqualTo(1);
            assertThat(list.path("items").get(0).path("name").asText()).isEqualTo("tuned.deploy-key");
            assertThat(list.path("items").get(0).path("plugin").asText()).isEqualTo("tuned");
            assertThat(list.toString()).doesNotContain("s3cr3t-value");
            assertThat(server.delete("/api/platform/secrets/tuned.deploy-key").statusCode()).isEqualTo(204);
            assertThat(server.delete("/api/platform/secrets/tuned.deploy-key").statusCode()).isEqualTo(404);

            String events = server.get("/api/platform/security-events").body();
            assertThat(events).contains("\"secret-set\"", "\"secret-deleted\"", "secret 'tuned.deploy-key'").doesNotContain("s3cr3t-value");
        }
    }

    @Test
    void settingsAndSecretsNeedTheAdminScope() throws Exception {
        try (TestServer server = start(Map.of())) {
            String write = server.createToken(Scope.WRITE);
            HttpResponse<String> response = server.anonymously(HttpRequest.newBuilder(server.uri("/api/platform/settings"))
                    .header("Authorization", "Bearer " + write).GET());

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    private static String await(Supplier<String> read, java.util.function.Predicate<String> done) throws InterruptedException {
        String last = null;
        for (int i = 0; i < 100; i++) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached within 5 s; last: " + last);
    }
}
