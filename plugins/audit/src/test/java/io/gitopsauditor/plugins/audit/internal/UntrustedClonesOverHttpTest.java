package io.gitopsauditor.plugins.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clones their owners may have made hostile, audited by the real server with its file watcher on:
 * nothing their config names runs, and one owned by another user is reported, not read.
 */
class UntrustedClonesOverHttpTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void editingACloneWhoseConfigNamesACleanFilterIsAuditedWithoutRunningIt() throws Exception {
        Path root = Files.createDirectories(temp.resolve("src"));
        Path canary = temp.resolve("canary-clean");
        Path clone = root.resolve("filtered");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(clone.toFile()).call()) {
            Files.writeString(clone.resolve(".gitattributes"), "*.txt filter=pwn\n");
            Files.writeString(clone.resolve("a.txt"), "one");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor(ME).setCommitter(ME).setSign(false).call();
            StoredConfig config = git.getRepository().getConfig();
            config.setString("filter", "pwn", "clean", "touch " + canary);
            config.save();
        }
        try (TestServer server = server(root, Map.of("plugins.audit.watch", "true"))) {
            JsonNode first = await(server, "filtered", report -> report.path("local").has("inspectedAt"));
            assertThat(first.path("local").hasNonNull("problem")).as(first.toString()).isFalse();
            // Same length: only a content check, the one that would run the clean filter, sees the change.
            Files.writeString(clone.resolve("a.txt"), "two");
            JsonNode edited = await(server, "filtered", report -> report.path("local").path("unstaged").asInt() == 1);
            assertThat(edited.path("local").hasNonNull("problem")).as(edited.toString()).isFalse();
            assertThat(edited.path("state").asText()).isNotEqualTo("BROKEN");
        }
        assertThat(canary).doesNotExist();
    }

    @Test
    void cloneOwnedByAnotherUserIsUnreadableWithTheSettingThatAllowsItUntilListed() throws Exception {
        Path root = Files.createDirectories(temp.resolve("src"));
        for (String name : new String[] {"foreign", "listed"}) {
            try (Git git = Git.init().setInitialBranch("main").setDirectory(root.resolve(name).toFile()).call()) {
                Files.writeString(root.resolve(name).resolve("a.txt"), "one");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("one").setAuthor(ME).setCommitter(ME).setSign(false).call();
            }
            chown(root.resolve(name), 65534);
        }
        try (TestServer server = server(root, Map.of("git.safe-directories", root.resolve("listed").toString()))) {
            JsonNode foreign = await(server, "foreign", report -> report.path("local").has("problem"));
            assertThat(foreign.path("state").asText()).isEqualToIgnoringCase("broken");
            assertThat(foreign.path("local").path("problem").asText()).contains("owned by uid 65534")
                    .contains("git.safe-directories").contains("safe.directory");
            JsonNode listed = await(server, "listed", report -> report.path("local").has("inspectedAt"));
            assertThat(listed.path("local").hasNonNull("problem")).as(listed.toString()).isFalse();
            assertThat(listed.path("local").path("headBranch").asText()).isEqualTo("main");
        }
    }

    private TestServer server(Path root, Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "plugins.audit.roots", root.toString(),
                "plugins.audit.schedule", "off"));
        settings.putAll(extra);
        TestServer server = TestServer.start(temp.resolve("data"), settings);
        assertThat(server.postJson("/api/audit/runs", "{\"mode\": \"full\"}").statusCode()).isEqualTo(202);
        return server;
    }

    /** Polls the repository's report until it satisfies the condition; fails after {@link #TIMEOUT}. */
    private static JsonNode await(TestServer server, String name, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode page = TestServer.json(server.get("/api/audit/repositories?sort=name&limit=5000"));
            String id = StreamSupport.stream(page.path("items").spliterator(), false)
                    .filter(r -> r.path("name").asText().equals(name)).map(r -> r.path("id").asText()).findFirst().orElse(null);
            if (id != null) {
                last = TestServer.json(server.get("/api/audit/repositories/" + id));
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("repository " + name + " never reached the expected state; last: " + last);
    }

    private static void chown(Path root, int uid) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Files.setAttribute(file, "unix:uid", uid);
            }
        }
    }
}
