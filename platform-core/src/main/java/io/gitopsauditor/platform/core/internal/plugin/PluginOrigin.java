package io.gitopsauditor.platform.core.internal.plugin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a plugin came from: built in (on the module path), or a jar or folder in the plugins folder.
 *
 * @param builtIn true for the module path
 * @param path    the jar or folder in the plugins folder; empty for built-in plugins
 * @param module  the plugin's module name, when it could be read
 */
public record PluginOrigin(boolean builtIn, Optional<Path> path, Optional<String> module) {
    public static PluginOrigin builtIn(String module) {
        return new PluginOrigin(true, Optional.empty(), Optional.of(module));
    }

    public static PluginOrigin file(Path path, String module) {
        return new PluginOrigin(false, Optional.of(path), Optional.ofNullable(module));
    }

    /** A short description for lists and log lines: {@code module path} or the file name. */
    public String describe() {
        return builtIn ? "module path" : path.map(p -> p.getFileName().toString()).orElse("?");
    }
}
