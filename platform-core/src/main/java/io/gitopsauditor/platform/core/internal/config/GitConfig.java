package io.gitopsauditor.platform.core.internal.config;

import io.gitopsauditor.platform.core.internal.git.GitSettings;
import java.nio.file.Path;
import java.util.List;

/** Reads and validates {@code git.safe-directories} and {@code git.local-remotes}. */
final class GitConfig {

    private GitConfig() {
    }

    static GitSettings from(List<String> safeDirectories, List<String> localRemotes) {
        for (String entry : safeDirectories) {
            String path = entry.endsWith("/*") ? entry.substring(0, entry.length() - 1) : entry;
            if (!entry.equals("*") && !Path.of(path).isAbsolute()) {
                throw new ConfigException("git.safe-directories: '" + entry + "' must be an absolute path, <path>/* or *");
            }
        }
        List<Path> folders = localRemotes.stream().map(Path::of).toList();
        for (Path folder : folders) {
            if (!folder.isAbsolute()) {
                throw new ConfigException("git.local-remotes: '" + folder + "' must be an absolute folder");
            }
        }
        return new GitSettings(safeDirectories, folders.stream().map(Path::normalize).toList());
    }
}
