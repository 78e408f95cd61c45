package io.gitopsauditor.platform.core.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.PluginJarBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path data;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RootCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"serve", "plugins", "migrate", "backup", "restore", "token", "admin", "version"}) {
            Run run = run(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).contains("Usage: gitops-auditor " + command);
        }
        assertThat(run("--help").out()).contains("serve", "plugins", "migrate", "version");
    }

    @Test
    void versionNamesThePluginApi() {
        assertThat(run("version").out()).contains("GitOps Auditor").contains("plugin API 0.2");
    }

    @Test
    void pluginsListsWhatWouldLoadAndExitsNonZeroWhenOneIsBroken() throws Exception {
        Path plugins = data.resolve("drop-in");
        PluginJarBuilder.simplePlugin("test.fine", "fine", "0.1", "").buildInto(plugins, "fine.jar");
        Run ok = run("plugins", "--data-dir", data.toString(), "--plugins-dir", plugins.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("fine").contains("REGISTERED").contains("fine.jar");

        PluginJarBuilder.simplePlugin("test.future", "future", "0.7", "").buildInto(plugins, "future.jar");
        Run broken = run("plugins", "--json", "--data-dir", data.toString(), "--plugins-dir", plugins.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("\"state\" : \"FAILED\"").contains("needs plugin API 0.7");
        assertThat(Files.exists(data.resolve("gitops-auditor.db"))).as("plugins does not open the database").isFalse();
    }

    @Test
    void migrateAppliesPendingMigrationsAndExits() throws Exception {
        Path plugins = data.resolve("plugins");
        PluginJarBuilder.simplePlugin("test.tables", "tables", "0.1",
                "public void register(PluginContext c) { c.migrations().sql(1, \"create\", \"CREATE TABLE tables_t (id INTEGER)\"); }")
                .buildInto(plugins, "tables.jar");
        Run first = run("migrate", "--data-dir", data.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("tables").contains("1 applied now, at V1");
        Run second = run("migrate", "--data-dir", data.toString());
        assertThat(second.out()).contains("0 applied now, at V1");
    }

    @Test
    void badConfigurationIsAOneLineErrorNotAStackTrace() {
        Run run = run("plugins", "--config", data.resolve("missing.yml").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: config file").contains("missing.yml").doesNotContain("\tat ");
    }

    @Test
    void serveOnAPortInUseSaysSoAndExits() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run("serve", "--data-dir", data.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("in use");
        }
    }

    @Test
    void tokenCreatePrintsTheTokenAloneOnTheLastLineAndListAndRevokeWork() {
        Run missing = run("token", "create", "--name", "ci", "--scope", "read", "--data-dir", data.resolve("typo").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("there is no GitOps Auditor database").contains("check --data-dir");
        assertThat(run("migrate", "--data-dir", data.toString()).exitCode()).isZero();
        Run created = run("token", "create", "--name", "ci", "--scope", "read", "--data-dir", data.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        String token = created.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(token).startsWith("gat_").doesNotContain(" ");
        Run list = run("token", "list", "--data-dir", data.toString());
        assertThat(list.out()).contains("ci").contains("read").doesNotContain(token);
        assertThat(run("token", "revoke", "ci", "--data-dir", data.toString()).out()).contains("Revoked: ci");
        Run again = run("token", "revoke", "ci", "--data-dir", data.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: no live token");
        assertThat(run("token", "create", "--name", "x", "--scope", "root", "--data-dir", data.toString()).err())
                .contains("scope must be read, write or admin");
        assertThat(run("token", "create", "--name", "42", "--scope", "read", "--data-dir", data.toString()).err())
                .contains("not only digits");
    }

    @Test
    void resetPasswordReadsStandardInputAndEndsSessions() throws Exception {
        assertThat(run("migrate", "--data-dir", data.toString()).exitCode()).isZero();
        try (var db = io.gitopsauditor.platform.core.internal.db.Database.open(data, java.time.Duration.ofSeconds(2), 1)) {
            new io.gitopsauditor.platform.core.internal.security.SecurityStore(db.dsl(), java.time.Duration.ofDays(1))
                    .createUser("admin", "the first password");
        }
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("a brand new password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Run reset = run("admin", "reset-password", "--password-stdin", "--data-dir", data.toString());
            assertThat(reset.exitCode()).as(reset.err()).isZero();
            assertThat(reset.out()).contains("Password of 'admin' reset");
        } finally {
            System.setIn(stdin);
        }
        try (var db = io.gitopsauditor.platform.core.internal.db.Database.open(data, java.time.Duration.ofSeconds(2), 1)) {
            var store = new io.gitopsauditor.platform.core.internal.security.SecurityStore(db.dsl(), java.time.Duration.ofDays(1));
            assertThat(store.checkPassword("admin", "a brand new password")).isPresent();
            assertThat(store.checkPassword("admin", "the first password")).isEmpty();
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("serve", "--prot", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option").contains("--prot");
    }
}
