package io.gitopsauditor.platform.core;

import static io.gitopsauditor.platform.core.testkit.PluginJarBuilder.simplePlugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.testkit.PluginJarBuilder;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server, a plugins folder full of broken jars and one healthy plugin: each broken one is
 * refused by name with its reason, and the platform and the healthy plugin run regardless.
 */
class BrokenPluginsTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void bootWithBrokenPlugins() throws Exception {
        Path plugins = data.resolve("plugins");
        io.gitopsauditor.platform.core.testkit.ExamplePlugin.copyInto(plugins);
        PluginJarBuilder.plugin().rawEntry("module-info.class", "not a class file".getBytes(StandardCharsets.UTF_8))
                .buildInto(plugins, "bad-descriptor.jar");
        PluginJarBuilder.plugin()
                .source("module-info.java", "module test.needy { requires io.gitopsauditor.plugin.api; requires java.sql;"
                        + " provides io.gitopsauditor.plugin.api.spi.Plugin with test.needy.NeedyPlugin; }")
                .source("test/needy/NeedyPlugin.java", "package test.needy; public final class NeedyPlugin implements"
                        + " io.gitopsauditor.plugin.api.spi.Plugin { public io.gitopsauditor.plugin.api.PluginDescriptor"
                        + " descriptor() { return io.gitopsauditor.plugin.api.PluginDescriptor.builder(\"needy\", \"1\")"
                        + ".requiresApi(\"0.1\").build(); } }")
                .buildInto(plugins, "missing-requirement.jar");
        // Rewrite the compiled descriptor's requirement to a module that exists nowhere.
        rewriteRequirement(plugins.resolve("missing-requirement.jar"), "java.sql", "no.where");
        simplePlugin("test.throwing", "throwing", "0.1",
                "public void start(PluginContext c) { throw new IllegalStateException(\"cannot reach the moon\"); }")
                .buildInto(plugins, "start-throws.jar");
        simplePlugin("test.hanging", "hanging", "0.1",
                "public void start(PluginContext c) throws Exception { Thread.sleep(Long.MAX_VALUE); }")
                .buildInto(plugins, "start-hangs.jar");
        simplePlugin("test.badregister", "bad-register", "0.1",
                "public void register(PluginContext c) { c.rest().resource(new Object()); }")
                .buildInto(plugins, "register-throws.jar");
        simplePlugin("test.twin.one", "twin", "0.1", "").buildInto(plugins, "twin-one.jar");
        simplePlugin("test.twin.two", "twin", "0.1", "").buildInto(plugins, "twin-two.jar");
        simplePlugin("test.future", "future", "0.9", "").buildInto(plugins, "api-too-new.jar");
        simplePlugin("test.disabled", "sleepy", "0.1", "").buildInto(plugins, "disabled.jar");
        simplePlugin("test.badmigration", "bad-migration", "0.1",
                "public void register(PluginContext c) { c.migrations().sql(1, \"steal\", \"CREATE TABLE hello_stolen (id INTEGER)\"); }")
                .buildInto(plugins, "bad-migration.jar");
        simplePlugin("test.ambiguous", "ambiguous", "0.1", """
                public void register(PluginContext c) { c.rest().resource(new Twice()); }
                @jakarta.ws.rs.Path("twice")
                public static final class Twice {
                    @jakarta.ws.rs.GET public String one() { return "1"; }
                    @jakarta.ws.rs.GET public String two() { return "2"; }
                }
                """).buildInto(plugins, "ambiguous-resource.jar");
        PluginJarBuilder.plugin()
                .source("module-info.java", "module test.closed { requires io.gitopsauditor.plugin.api;"
                        + " provides io.gitopsauditor.plugin.api.spi.Plugin with test.closed.ClosedPlugin; }")
                .source("test/closed/ClosedPlugin.java", "package test.closed; import io.gitopsauditor.plugin.api.*;"
                        + " public final class ClosedPlugin implements io.gitopsauditor.plugin.api.spi.Plugin {"
                        + " public PluginDescriptor descriptor() { return PluginDescriptor.builder(\"closed\", \"1\")"
                        + ".requiresApi(\"0.1\").build(); }"
                        + " public void register(PluginContext c) { c.rest().resource(new Items()); }"
                        + " @jakarta.ws.rs.Path(\"items\") public static final class Items {"
                        + " @jakarta.ws.rs.GET public String all() { return \"[]\"; } } }")
                .buildInto(plugins, "closed-package.jar");
        PluginJarBuilder.plugin()
                .source("test/plain/PlainPlugin.java", "package test.plain; public final class PlainPlugin implements"
                        + " io.gitopsauditor.plugin.api.spi.Plugin { public io.gitopsauditor.plugin.api.PluginDescriptor"
                        + " descriptor() { return io.gitopsauditor.plugin.api.PluginDescriptor.builder(\"plain\", \"1\")"
                        + ".requiresApi(\"0.1\").build(); } }")
                .resource("META-INF/services/io.gitopsauditor.plugin.api.spi.Plugin", "test.plain.PlainPlugin\n")
                .buildInto(plugins, "plain-plugin.jar");
        PluginJarBuilder.plugin()
                .source("module-info.java", "module test.nothing { requires io.gitopsauditor.plugin.api; }")
                .source("test/nothing/Nothing.java", "package test.nothing; public final class Nothing {}")
                .buildInto(plugins, "no-plugin.jar");
        server = TestServer.start(data, Map.of("plugin-start-timeout", "2s", "disabled-plugins", "sleepy"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthyPluginStartsAndPlatformIsUpDespiteTheBrokenOnes() {
        assertThat(server.get("/api/platform/health").statusCode()).isEqualTo(200);
        assertThat(server.plugin("hello").path("state").asText()).isEqualTo("STARTED");
        assertThat(server.postJson("/api/hello/greetings", "{\"name\":\"still here\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void jarWithABadModuleDescriptorIsRefusedByFileName() {
        assertFailed("bad-descriptor", "cannot load bad-descriptor.jar");
    }

    @Test
    void jarWithAMissingRequirementIsRefusedNamingTheModule() {
        assertFailed("missing-requirement", "no.where");
    }

    @Test
    void pluginWhoseStartThrowsIsFailedWithItsMessage() {
        assertFailed("throwing", "start failed: cannot reach the moon");
    }

    @Test
    void pluginWhoseStartHangsIsFailedAfterTheTimeout() {
        assertFailed("hanging", "start did not return within 2s");
    }

    @Test
    void pluginWhoseRegisterThrowsIsFailedAndServesNothing() {
        JsonNode plugin = assertFailed("bad-register", "has no @Path annotation");
        assertThat(plugin.has("restBasePath")).isFalse();
        assertThat(server.get("/api/bad-register").statusCode()).isEqualTo(404);
    }

    @Test
    void twoPluginsWithTheSameIdAreBothRefusedNamingBothFiles() {
        int twins = 0;
        for (JsonNode plugin : TestServer.json(server.get("/api/platform/plugins"))) {
            if (plugin.path("id").asText().equals("twin")) {
                twins++;
                assertThat(plugin.path("state").asText()).isEqualTo("FAILED");
                assertThat(plugin.path("reason").asText()).isEqualTo("plugin id 'twin' is provided by both twin-one.jar and twin-two.jar;"
                        + " both are refused: remove one of them");
            }
        }
        assertThat(twins).isEqualTo(2);
        assertThat(server.get("/api/twin").statusCode()).isEqualTo(404);
    }

    @Test
    void pluginThatNeedsANewerApiIsRefused() {
        assertFailed("future", "needs plugin API 0.9, but this platform offers 0.2");
    }

    @Test
    void disabledPluginIsListedAsDisabled() {
        JsonNode plugin = server.plugin("sleepy");
        assertThat(plugin.path("state").asText()).isEqualTo("DISABLED");
    }

    @Test
    void migrationTouchingAnotherPluginsTablesIsRefusedAndNothingIsCreated() {
        assertFailed("bad-migration", "must be named bad_migration_*");
        long stolen = server.platform().database().dsl().fetchCount(
                org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("sqlite_master")), org.jooq.impl.DSL.field("name").eq("hello_stolen"));
        assertThat(stolen).isZero();
    }

    @Test
    void pluginWhoseResourcesJerseyRejectsIsFailedAndTheRestOfTheApiServes() {
        assertFailed("ambiguous", "REST resources were rejected");
        assertThat(server.get("/api/ambiguous/twice").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/platform/version").statusCode()).isEqualTo(200);
    }

    @Test
    void resourceInAPackageNotOpenToJerseyIsRefusedSayingWhatToAdd() {
        assertFailed("closed", "'opens test.closed to org.glassfish.jersey.core.server;'");
    }

    @Test
    void nonModularJarIsRefusedAsAPlugin() {
        assertFailed("plain.plugin", "has no module-info.class");
    }

    @Test
    void jarWithoutAPluginIsReported() {
        assertFailed("no-plugin", "holds no plugin");
    }

    private static JsonNode assertFailed(String id, String reason) {
        JsonNode plugin = server.plugin(id);
        assertThat(plugin.path("state").asText()).as(plugin.toString()).isEqualTo("FAILED");
        assertThat(plugin.path("reason").asText()).contains(reason);
        return plugin;
    }

    /** Swaps a module name inside a jar's module-info.class (same length keeps the class file valid). */
    private static void rewriteRequirement(Path jar, String from, String to) throws Exception {
        assertThat(to).hasSameSizeAs(from);
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            Path descriptor = fs.getPath("module-info.class");
            byte[] bytes = Files.readAllBytes(descriptor);
            String text = new String(bytes, StandardCharsets.ISO_8859_1).replace(from, to);
            Files.write(descriptor, text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
