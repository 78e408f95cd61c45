package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.PluginJarBuilder;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins start in the order their requirements give, then by id, whatever their files are
 * called; stop in the reverse order; and are refused by name when a requirement cannot be met.
 */
class PluginOrderTest {
    /** Each test plugin appends "start:id" or "stop:id" here: plugins share the JVM with the test. */
    private static final String JOURNAL = "plugin-order-test.journal";

    @TempDir
    Path data;

    @Test
    void pluginsStartAfterWhatTheyRequireThenByIdAndStopInReverse() throws Exception {
        Path plugins = data.resolve("plugins");
        // File names deliberately disagree with the expected order.
        journaling("test.alpha", "alpha", "zeta").buildInto(plugins, "a-alpha.jar");
        journaling("test.mid", "mid").buildInto(plugins, "b-mid.jar");
        journaling("test.zeta", "zeta").buildInto(plugins, "0-zeta.jar");
        System.clearProperty(JOURNAL);
        List<String> listed = new ArrayList<>();
        try (TestServer server = TestServer.start(data)) {
            for (JsonNode plugin : TestServer.json(server.get("/api/platform/plugins"))) {
                listed.add(plugin.path("id").asText());
            }
            assertThat(server.plugin("alpha").path("requires")).extracting(JsonNode::asText).containsExactly("zeta");
            assertThat(server.plugin("alpha").path("state").asText()).isEqualTo("STARTED");
        }
        assertThat(listed).containsSubsequence("mid", "zeta", "alpha");
        assertThat(journal()).containsExactly("start:mid", "start:zeta", "start:alpha", "stop:alpha", "stop:zeta", "stop:mid");
    }

    @Test
    void aPluginWhoseRequirementIsMissingDisabledOrFailedIsRefusedByName() throws Exception {
        Path plugins = data.resolve("plugins");
        journaling("test.quality", "quality", "audit").buildInto(plugins, "quality.jar");
        journaling("test.sleepy", "sleepy").buildInto(plugins, "sleepy.jar");
        journaling("test.waker", "waker", "sleepy").buildInto(plugins, "waker.jar");
        PluginJarBuilder.simplePlugin("test.broken", "broken", "0.2",
                "public void start(PluginContext c) { throw new IllegalStateException(\"no\"); }").buildInto(plugins, "broken.jar");
        journaling("test.mender", "mender", "broken").buildInto(plugins, "mender.jar");
        journaling("test.chained", "chained", "waker").buildInto(plugins, "chained.jar");
        try (TestServer server = TestServer.start(data, Map.of("disabled-plugins", "sleepy"))) {
            assertRefused(server, "quality", "quality needs audit, which is not installed");
            assertRefused(server, "waker", "waker needs sleepy, which is disabled");
            assertRefused(server, "mender", "mender needs broken, which failed");
            assertRefused(server, "chained", "chained needs waker, which failed");
            assertThat(server.plugin("sleepy").path("state").asText()).isEqualTo("DISABLED");
        }
    }

    @Test
    void aCycleOfRequirementsIsRefusedNamingTheCycle() throws Exception {
        Path plugins = data.resolve("plugins");
        journaling("test.ring.a", "ring-a", "ring-b").buildInto(plugins, "ring-a.jar");
        journaling("test.ring.b", "ring-b", "ring-a").buildInto(plugins, "ring-b.jar");
        journaling("test.outside", "outside", "ring-b").buildInto(plugins, "outside.jar");
        try (TestServer server = TestServer.start(data)) {
            String cycle = "the required plugins form a cycle: %s; no plugin in it can start first";
            assertRefused(server, "ring-a", cycle.formatted("ring-a → ring-b → ring-a"));
            assertRefused(server, "ring-b", cycle.formatted("ring-b → ring-a → ring-b"));
            assertRefused(server, "outside", "outside needs ring-b, which failed");
        }
    }

    private static void assertRefused(TestServer server, String id, String reason) {
        JsonNode plugin = server.plugin(id);
        assertThat(plugin.path("state").asText()).as(id).isEqualTo("FAILED");
        assertThat(plugin.path("reason").asText()).as(id).isEqualTo(reason);
    }

    private static List<String> journal() {
        String text = System.getProperty(JOURNAL, "");
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).collect(Collectors.toList());
    }

    /** A plugin that notes its start and stop in the journal and requires the given plugins. */
    private static PluginJarBuilder journaling(String module, String id, String... requires) {
        String pkg = module + ".internal";
        String required = Arrays.stream(requires).map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
        String note = "synchronized (System.class) { String j = System.getProperty(\"" + JOURNAL + "\", \"\");"
                + " System.setProperty(\"" + JOURNAL + "\", j.isEmpty() ? \"%s:" + id + "\" : j + \",%s:" + id + "\"); }";
        return PluginJarBuilder.plugin()
                .source("module-info.java", "module " + module + " { requires io.gitopsauditor.plugin.api;"
                        + " provides io.gitopsauditor.plugin.api.spi.Plugin with " + pkg + ".TestPlugin; }")
                .source(pkg.replace('.', '/') + "/TestPlugin.java", "package " + pkg + ";\n"
                        + "import io.gitopsauditor.plugin.api.*;\n"
                        + "public final class TestPlugin implements io.gitopsauditor.plugin.api.spi.Plugin {\n"
                        + " public PluginDescriptor descriptor() { return PluginDescriptor.builder(\"" + id + "\", \"1.0.0\")"
                        + ".requiresApi(\"0.2\").requires(" + required + ").build(); }\n"
                        + " public void start(PluginContext c) { " + note.formatted("start", "start") + " }\n"
                        + " public void stop() { " + note.formatted("stop", "stop") + " }\n}\n");
    }
}
