package io.gitopsauditor.platform.core.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example third-party plugin (examples/hello-plugin), compiled from its sources once per test run. */
public final class ExamplePlugin {
    public static final Path MODULE = Path.of("..", "examples", "hello-plugin");

    private static byte[] jar;

    private ExamplePlugin() {
    }

    /** Writes {@code hello-plugin.jar} into a plugins folder. */
    public static synchronized void copyInto(Path pluginsDir) throws Exception {
        if (jar == null) {
            Path built = PluginJarBuilder.plugin().mavenModule(MODULE)
                    .buildInto(Files.createTempDirectory("hello"), "hello-plugin.jar");
            jar = Files.readAllBytes(built);
        }
        Files.createDirectories(pluginsDir);
        Files.write(pluginsDir.resolve("hello-plugin.jar"), jar);
    }

    /** A server on {@code dataDir} with the example plugin in {@code dataDir/plugins}. */
    public static TestServer server(Path dataDir) throws Exception {
        copyInto(dataDir.resolve("plugins"));
        return TestServer.start(dataDir);
    }
}
