package io.gitopsauditor.platform.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commented sample shipped in conf/ lists every kernel key with its real default: with its
 * settings uncommented it must configure exactly what no file at all configures.
 */
class ShippedConfigTest {
    static final Path SAMPLE = Path.of("..", "distribution", "src", "conf", "gitops-auditor.yml");

    @Test
    void uncommentedSampleHasEveryKernelKeyWithItsDefault(@TempDir Path dir) throws Exception {
        // Uncomment the settings ("# key: value", "#   key: value"); drop the prose; leave out the
        // illustrative plugins section, which is not the kernel's.
        String uncommented = Files.readAllLines(SAMPLE).stream()
                .map(line -> line.startsWith("# ") ? line.substring(2) : "")
                .filter(line -> line.matches("\\s*[a-z][a-z0-9-]*:( .*)?"))
                .filter(line -> !line.startsWith("plugins:") && !line.startsWith("  hello:") && !line.startsWith("    "))
                .collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("uncommented.yml"), uncommented);
        ConfigSource sample = ConfigSource.load(file, Map.of(), Map.of());

        assertThat(sample.keys()).containsExactlyInAnyOrderElementsOf(PlatformConfig.KEYS);
        Map<String, String> sameFolders = Map.of("data-dir", "data", "plugins-dir", "data/plugins");
        PlatformConfig fromSample = PlatformConfig.from(ConfigSource.load(file, Map.of(), sameFolders));
        PlatformConfig defaults = PlatformConfig.from(ConfigSource.of(sameFolders));
        assertThat(fromSample).isEqualTo(defaults);
    }
}
