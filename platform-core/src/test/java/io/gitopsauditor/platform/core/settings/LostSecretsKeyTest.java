package io.gitopsauditor.platform.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets key lives apart from the database; without it, the secrets are named as unreadable and can be set again. */
class LostSecretsKeyTest {

    @TempDir
    Path data;

    @Test
    void theKeyFileIsMadeOwnerOnlyAtTheFirstSecretStored() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            assertThat(data.resolve("secrets.key")).as("not before a secret is stored").doesNotExist();

            assertThat(server.putJson("/api/platform/secrets/github.token", "{\"value\": \"t-1\"}").statusCode()).isEqualTo(204);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets.key")))).isEqualTo("rw-------");
            assertThat(Base64.getDecoder().decode(Files.readString(data.resolve("secrets.key")).strip())).hasSize(32);
        }
    }

    @Test
    void aLostKeyNamesEachUnreadableSecretAndSettingItAgainWorks() throws Exception {
        TunedPlugin.buildInto(data.resolve("plugins"));
        try (TestServer server = TestServer.start(data)) {
            assertThat(server.putJson("/api/platform/secrets/github.token", "{\"value\": \"ghp_first\"}").statusCode()).isEqualTo(204);
            assertThat(server.putJson("/api/platform/secrets/tuned.api-key", "{\"value\": \"k-1\"}").statusCode()).isEqualTo(204);
        }
        Files.delete(data.resolve("secrets.key"));

        try (TestServer server = TestServer.start(data)) {
            JsonNode token = TestServer.json(server.get("/api/platform/settings/platform")).path("values").path("github.token");
            assertThat(token.path("set").asBoolean()).isTrue();
            assertThat(token.path("problem").asText()).isEqualTo("secret 'github.token' cannot be read: the secrets key "
                    + data.resolve("secrets.key") + " is missing. Restore it from your backup, or set 'github.token' again"
                    + " (on the Settings page, or PUT /api/platform/secrets/github.token)");
            assertThat(server.get("/api/tuned/seen/secret/tuned.api-key").body())
                    .startsWith("unreadable: secret 'tuned.api-key' cannot be read: the secrets key");
            assertThat(TestServer.json(server.get("/api/platform/github")).path("tokenConfigured").asBoolean())
                    .as("the server started, without the token").isFalse();

            assertThat(server.putJson("/api/platform/settings/platform", "{\"github.token\": \"ghp_second\"}").statusCode()).isEqualTo(200);

            assertThat(TestServer.json(server.get("/api/platform/settings/platform")).path("values").path("github.token")
                    .has("problem")).isFalse();
            assertThat(TestServer.json(server.get("/api/platform/secrets")).path("items").findValuesAsText("problem"))
                    .singleElement().asString().contains("tuned.api-key");
        }
    }

    @Test
    void aReplacedKeyIsToldApartFromAMissingOne() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            assertThat(server.putJson("/api/platform/secrets/github.token", "{\"value\": \"ghp_first\"}").statusCode()).isEqualTo(204);
        }
        Files.writeString(data.resolve("secrets.key"), Base64.getEncoder().encodeToString(new byte[32]) + "\n");

        try (TestServer server = TestServer.start(data)) {
            String problem = TestServer.json(server.get("/api/platform/secrets")).path("items").get(0).path("problem").asText();

            assertThat(problem).startsWith("secret 'github.token' cannot be read: it was stored under another secrets key (")
                    .contains("the key was lost or replaced");
        }
    }

    @Test
    void theKeyCanLiveOutsideTheDataFolder(@TempDir Path credentials) throws Exception {
        Path keyFile = credentials.resolve("secrets-key");
        try (TestServer server = TestServer.start(data, null, Map.of("GITOPS_AUDITOR_SECRETS_KEY_FILE", keyFile.toString()), Map.of())) {
            assertThat(server.putJson("/api/platform/secrets/github.token", "{\"value\": \"ghp_x\"}").statusCode()).isEqualTo(204);
        }
        assertThat(keyFile).exists();
        assertThat(data.resolve("secrets.key")).doesNotExist();
    }
}
