package io.gitopsauditor.platform.core.internal.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder setting is checked where it will be used, on the server: an absolute path to a folder
 * that exists and that the service's user may list and enter. The reason says which and why.
 */
final class FolderCheck {
    private FolderCheck() {
    }

    /** @return why the path is no good, or empty when it is */
    static Optional<String> problem(String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            return Optional.of("'" + text + "' is not a path");
        }
        if (!path.isAbsolute()) {
            return Optional.of("'" + text + "' is not an absolute path (start it with /)");
        }
        if (!Files.exists(path)) {
            return Optional.of(text + " does not exist on the server");
        }
        if (!Files.isDirectory(path)) {
            return Optional.of(text + " is not a folder");
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            return Optional.of(text + " cannot be read by the user the server runs as (" + System.getProperty("user.name") + ")");
        }
        return Optional.empty();
    }
}
