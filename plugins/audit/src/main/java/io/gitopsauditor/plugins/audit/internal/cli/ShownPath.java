package io.gitopsauditor.plugins.audit.internal.cli;

import java.nio.file.Path;
import java.util.List;

/** A clone's path as the table shows it: short, and still telling two clones of one name apart. */
final class ShownPath {
    private ShownPath() {
    }

    /**
     * @param path  the clone's folder, or {@code null} for a repository that is not cloned
     * @param roots the scanned roots
     * @return the path relative to the root it is under ({@code work/app}; {@code .} for a root that is
     *         itself a clone), prefixed with the root's own name when several roots are scanned; a path
     *         under no root (a clone a symbolic link led to) with {@code ~} for the home folder; {@code -}
     *         for no path
     */
    static String of(Path path, List<Path> roots) {
        if (path == null) {
            return "-";
        }
        for (Path root : roots) {
            if (path.startsWith(root)) {
                Path relative = root.relativize(path);
                String inside = relative.toString().isEmpty() ? "." : relative.toString();
                return roots.size() > 1 && root.getFileName() != null ? root.getFileName() + "/" + inside : inside;
            }
        }
        Path home = Path.of(System.getProperty("user.home"));
        return path.startsWith(home) && !path.equals(home) ? "~/" + home.relativize(path) : path.toString();
    }

    /** @return the text, or its end behind {@code …} when longer than {@code width}: the end names the clone */
    static String shorten(String text, int width) {
        return text.length() <= width ? text : "…" + text.substring(text.length() - (width - 1));
    }
}
