package io.gitopsauditor.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gitops-auditor serve} as a real process on the module path: it prints where it listens,
 * serves, and on SIGTERM stops plugins and closes the database (WAL checkpointed) before it exits.
 */
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");

    @Test
    void sigtermStopsCleanlyAndKeepsTheData(@TempDir Path data) throws Exception {
        io.gitopsauditor.platform.core.testkit.ExamplePlugin.copyInto(data.resolve("plugins"));
        // The CLI makes a token on the data directory, as an admin would on the server machine.
        java.io.StringWriter tokenOut = new java.io.StringWriter();
        picocli.CommandLine cli = io.gitopsauditor.platform.core.internal.cli.RootCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(tokenOut));
        assertThat(cli.execute("migrate", "--data-dir", data.toString())).isZero();
        assertThat(cli.execute("token", "create", "--name", "ci", "--scope", "write", "--data-dir", data.toString())).isZero();
        String token = tokenOut.toString().strip().lines().reduce((first, last) -> last).orElseThrow();
        Path log = data.resolve("server.log");
        Path classes = data.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xlog:class+load=info:file=" + classes,
                "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", io.gitopsauditor.platform.core.testkit.PluginJarBuilder.runtimeModulePath(),
                "-m", "io.gitopsauditor.platform.core/io.gitopsauditor.platform.core.GitopsAuditor",
                "serve", "--port", "0", "--data-dir", data.toString()));
        Process server = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            String base = awaitListening(server);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/hello/greetings"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"persisted\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // 143 = 128 + SIGTERM: how a JVM reports a signal even after its shutdown hooks completed.
            assertThat(server.exitValue()).isIn(0, 143);
            assertThat(Files.readString(log)).contains("stopped cleanly")
                    .containsPattern("plugin hello \\S+ started in \\d+ ms")
                    .containsPattern("ready in \\d+ ms \\(config \\d+ ms, database \\d+ ms, .*, HTTP \\d+ ms\\)");
            // Start-up work nobody needs: JMX's MBean server (Jetty asked it one question) and an Argon2 hash.
            assertThat(Files.readString(classes)).doesNotContain("com.sun.jmx.mbeanserver.JmxMBeanServer ")
                    .doesNotContain("Argon2BytesGenerator ");
            Path wal = data.resolve("gitops-auditor.db-wal");
            assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("WAL checkpointed into the database").isTrue();
        } finally {
            server.destroyForcibly();
        }
        try (var restarted = io.gitopsauditor.platform.core.testkit.TestServer.start(data)) {
            assertThat(restarted.get("/api/hello/greetings").body()).contains("persisted");
        }
    }

    @Test
    void firstStartSendsTheUserToTheDashboardWithTheSetupSecretsFile(@TempDir Path data) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", io.gitopsauditor.platform.core.testkit.PluginJarBuilder.runtimeModulePath(),
                "-m", "io.gitopsauditor.platform.core/io.gitopsauditor.platform.core.GitopsAuditor",
                "serve", "--port", "0", "--data-dir", data.toString(), "--plugins-dir", data.resolve("plugins").toString());
        Process server = new ProcessBuilder(command).redirectError(data.resolve("server.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = awaitListening(server, out);
            String firstStart = out.readLine();
            assertThat(firstStart).startsWith("First start: open " + base + "/ in a browser")
                    .contains(data.resolve("setup-secret").toString())
                    .contains("leads you to add your folders")
                    .doesNotContain("gitops-auditor.yml");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static String awaitListening(Process server) throws Exception {
        return awaitListening(server, new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)));
    }

    private static String awaitListening(Process server, BufferedReader out) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("server exited before listening (exit " + server.waitFor() + ")");
    }
}
