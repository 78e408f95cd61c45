package io.gitopsauditor.platform.core.internal.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's umask without asking a shell: Linux shows it in {@code /proc/self/status}. */
final class ProcessUmask {
    /** What most systems use, when the kernel does not say. */
    private static final int USUAL = 0022;

    private ProcessUmask() {
    }

    static int read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or an old kernel: the usual value only decides the permission bits of executable files.
        }
        return USUAL;
    }
}
