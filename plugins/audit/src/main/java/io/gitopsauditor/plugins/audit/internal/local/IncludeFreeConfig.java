package io.gitopsauditor.plugins.audit.internal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * A git config file (a repository's {@code config}, a {@code .gitmodules}) read as it is written:
 * {@code include.path} and {@code includeIf} are not followed. A {@code FileBasedConfig} would read
 * whatever file the repository names there, anywhere on the disk, and take its remotes or submodule
 * paths as the repository's own. No file system ({@code FS}) is involved either.
 */
final class IncludeFreeConfig extends Config {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private IncludeFreeConfig() {
    }

    /**
     * @param file the config file
     * @return its sections, without anything an include names
     * @throws ConfigInvalidException when the file is not a git config
     */
    static Config load(Path file) throws IOException, ConfigInvalidException {
        byte[] bytes = Files.readAllBytes(file);
        int start = startsWithUtf8Bom(bytes) ? UTF8_BOM.length : 0;
        IncludeFreeConfig config = new IncludeFreeConfig();
        // Decoded as JGit decodes config files: UTF-8, and a byte that is not falls back instead of failing.
        config.fromText(RawParseUtils.decode(StandardCharsets.UTF_8, bytes, start, bytes.length));
        return config;
    }

    /** {@code null}: JGit then skips the include, as it does for an in-memory config. */
    @Override
    protected byte[] readIncludedConfig(String relPath) {
        return null;
    }

    private static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
    }
}
