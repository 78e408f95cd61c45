package io.gitopsauditor.platform.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.plugin.api.PluginConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {
    @TempDir
    Path dir;

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yml"), "server:\n  port: 9000\n  bind: 0.0.0.0\nplugin-start-timeout: 5s\n");
        ConfigSource source = ConfigSource.load(file, Map.of("GITOPS_AUDITOR_SERVER_PORT", "9100", "GITOPS_AUDITOR_SERVER_BIND", "::1"),
                Map.of("server.bind", "10.0.0.1"));
        PlatformConfig config = PlatformConfig.from(source);
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.bind()).isEqualTo("10.0.0.1");
        assertThat(config.pluginStartTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.databaseBusyTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void defaultsBindLoopbackOnly() {
        PlatformConfig config = PlatformConfig.from(ConfigSource.of(Map.of()));
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.pluginsDir()).isEqualTo(config.dataDir().resolve("plugins"));
    }

    @Test
    void installationDefaultsYieldToEveryOtherLayer() throws Exception {
        Map<String, String> install = Map.of("plugins-dir", "/opt/gitops-auditor/plugins");
        assertThat(PlatformConfig.from(ConfigSource.load(null, Map.of(), Map.of(), install)).pluginsDir())
                .isEqualTo(Path.of("/opt/gitops-auditor/plugins"));
        Path file = Files.writeString(dir.resolve("c.yml"), "plugins-dir: /srv/plugins\n");
        assertThat(PlatformConfig.from(ConfigSource.load(file, Map.of(), Map.of(), install)).pluginsDir())
                .isEqualTo(Path.of("/srv/plugins"));
    }

    @Test
    void environmentNamesAreDerivedFromKeys() {
        assertThat(ConfigSource.envName("server.port")).isEqualTo("GITOPS_AUDITOR_SERVER_PORT");
        assertThat(ConfigSource.envName("plugins.github-actions.token")).isEqualTo("GITOPS_AUDITOR_PLUGINS_GITHUB_ACTIONS_TOKEN");
    }

    @Test
    void badValueIsReportedWithKeyAndSource() {
        ConfigSource source = ConfigSource.load(null, Map.of("GITOPS_AUDITOR_SERVER_PORT", "eighty"), Map.of());
        assertThatThrownBy(() -> PlatformConfig.from(source)).isInstanceOf(ConfigException.class)
                .hasMessage("server.port must be a whole number from 0 to 65535, got 'eighty' (from GITOPS_AUDITOR_SERVER_PORT)");
    }

    @Test
    void limitsThatCannotWorkAreRefusedAtStart() {
        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.of(Map.of("websocket.history-size", "2000"))))
                .hasMessageContaining("must be smaller than websocket.queue-size");
        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.of(Map.of("plugin-start-timeout", "0s"))))
                .hasMessage("plugin-start-timeout must be at least 100ms, got '0s' (from the command line)");
    }

    @Test
    void hardeningSettingsHaveDefaultsComeFromTheEnvironmentAndAreChecked() {
        PlatformConfig defaults = PlatformConfig.from(ConfigSource.of(Map.of()));
        assertThat(defaults.allowedHosts()).isEmpty();
        assertThat(defaults.eventsRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(defaults.webSocket().maxConnectionsPerCredential()).isEqualTo(16);

        PlatformConfig fromEnvironment = PlatformConfig.from(ConfigSource.load(null, Map.of(
                "GITOPS_AUDITOR_SERVER_ALLOWED_HOSTS", "auditor.internal, 192.0.2.7, [2001:db8::7]",
                "GITOPS_AUDITOR_SECURITY_EVENTS_RETENTION", "30d",
                "GITOPS_AUDITOR_WEBSOCKET_MAX_CONNECTIONS_PER_CREDENTIAL", "4"), Map.of()));
        assertThat(fromEnvironment.allowedHosts()).containsExactly("auditor.internal", "192.0.2.7", "[2001:db8::7]");
        assertThat(fromEnvironment.eventsRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(fromEnvironment.webSocket().maxConnectionsPerCredential()).isEqualTo(4);

        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.of(Map.of("server.allowed-hosts", "https://auditor.internal"))))
                .hasMessageContaining("server.allowed-hosts must be host names or IP addresses without scheme, port or path");
        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.of(Map.of("security.events-retention", "1h"))))
                .hasMessageContaining("security.events-retention must be at least");
        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.of(Map.of("websocket.max-connections-per-credential", "0"))))
                .hasMessageContaining("websocket.max-connections-per-credential");
    }

    @Test
    void unreadableYamlNamesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yml"), "server: [unclosed\n");
        assertThatThrownBy(() -> ConfigSource.load(file, Map.of(), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yml is not valid YAML");
    }

    @Test
    void commentedOutFileMeansDefaultsAndUnknownKeysAreReported() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yml"), "# server:\n#   port: 8080\n");
        assertThat(PlatformConfig.from(ConfigSource.load(empty, Map.of(), Map.of())).port()).isEqualTo(8080);
        Path typo = Files.writeString(dir.resolve("typo.yml"), "sever:\n  port: 1\nplugins:\n  hello:\n    x: 1\n");
        assertThat(PlatformConfig.unknownKeys(ConfigSource.load(typo, Map.of(), Map.of()))).containsExactly("sever.port");
    }

    @Test
    void pluginConfigSeesOnlyItsNamespaceWithTypedErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yml"),
                "plugins:\n  hello:\n    greeting: hi\n    interval: 5m\n    roots: [a, b]\n    count: lots\n");
        PluginConfigView config = new PluginConfigView(ConfigSource.load(file, Map.of("GITOPS_AUDITOR_PLUGINS_HELLO_GREETING", "hey"), Map.of()), "hello");
        assertThat(config.string("greeting", "x")).isEqualTo("hey");
        assertThat(config.duration("interval", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.list("roots")).containsExactly("a", "b");
        assertThat(config.bool("missing", true)).isTrue();
        assertThatThrownBy(() -> config.integer("count", 1)).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("plugins.hello.count");
    }
}
