package io.gitopsauditor.platform.core;

import static io.gitopsauditor.platform.core.testkit.PluginJarBuilder.simplePlugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.platform.core.internal.boot.PlatformStartException;
import io.gitopsauditor.platform.core.testkit.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work a plugin schedules in start() must not compete with the boot for the CPU. */
class ScheduledAtStartTest {

    @Test
    void aTaskScheduledInStartRunsOnlyOnceThePortIsOpen(@TempDir Path data) throws Exception {
        // start() schedules a task due at once, then takes 500 ms more: the task must still wait for the port.
        pluginSchedulingATaskDueAtOnce(data, """
                    Thread.sleep(500);
                    java.nio.file.Files.writeString(c.dataDirectory().resolve("ran-during-start"),
                            String.valueOf(java.nio.file.Files.exists(ran)));
                """);

        try (TestServer server = TestServer.start(data)) {
            Path pluginData = data.resolve("plugin-data/early");
            assertThat(Files.readString(pluginData.resolve("ran-during-start"))).isEqualTo("false");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(pluginData.resolve("ran")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pluginData.resolve("ran")).hasContent("yes");
        }
    }

    @Test
    void aTaskScheduledInStartNeverRunsWhenThePortCannotOpen(@TempDir Path data) throws Exception {
        pluginSchedulingATaskDueAtOnce(data, "");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> TestServer.start(data, Map.of("server.port", String.valueOf(taken.getLocalPort()))))
                    .isInstanceOf(PlatformStartException.class);
        }
        Thread.sleep(500); // a task let loose by the failed boot would have written its file by now
        assertThat(data.resolve("plugin-data/early/ran")).doesNotExist();
    }

    /** A plugin whose start() schedules a task due at once (it writes {@code ran}), then runs {@code thenInStart}. */
    private static void pluginSchedulingATaskDueAtOnce(Path data, String thenInStart) throws Exception {
        simplePlugin("test.early", "early", "0.1", """
                public void start(PluginContext c) throws Exception {
                    java.nio.file.Files.createDirectories(c.dataDirectory());
                    java.nio.file.Path ran = c.dataDirectory().resolve("ran");
                    c.scheduler().schedule(() -> { java.nio.file.Files.writeString(ran, "yes"); return null; },
                            0, java.util.concurrent.TimeUnit.MILLISECONDS);
                """ + thenInStart + """
                }
                """).buildInto(data.resolve("plugins"), "early.jar");
    }
}
