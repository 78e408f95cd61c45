package io.gitopsauditor.plugins.audit.internal.local;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;

/** Turns exceptions into the one readable line a {@code problem} field or a warning holds. */
final class Problems {

    /** How {@link java.io.FileInputStream} and friends say it: {@code /path/to/file (Permission denied)}. */
    private static final Pattern DENIED_STREAM = Pattern.compile("(.+) \\(Permission denied\\)");

    private Problems() {
    }

    /** @return what went wrong, in one line, without a stack trace or exception class names where a sentence says more */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingObjectException missing) {
                return "missing object " + missing.getObjectId().abbreviate(7).name();
            }
            if (t instanceof AccessDeniedException denied) {
                return "permission denied: " + Printable.line(String.valueOf(denied.getFile()));
            }
            if (t instanceof FileNotFoundException && t.getMessage() != null) {
                Matcher stream = DENIED_STREAM.matcher(t.getMessage());
                if (stream.matches()) {
                    return "permission denied: " + Printable.line(stream.group(1));
                }
            }
            if (t instanceof NoSuchFileException gone) {
                return "no such file: " + gone.getFile();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
        return Printable.line(text.lines().findFirst().orElse(text));
    }

    /**
     * JGit takes a Git folder (or a part of it) it may not read for one that is not there, and then
     * calls the clone "not a repository" or its HEAD "a missing object". This names the real cause.
     *
     * @param gitDir a clone's Git folder ({@code .git}, a bare repository, a worktree's or submodule's folder)
     * @return {@code permission denied: <path>} for the first of the folder, {@code HEAD}, {@code config},
     *         {@code index}, {@code refs/}, {@code refs/heads/}, {@code objects/} and {@code objects/pack/}
     *         that exists and this process may not read (folders: list and enter); empty when all can be read
     */
    static Optional<String> permissionDenied(Path gitDir) {
        List<Path> parts = List.of(gitDir, gitDir.resolve("HEAD"), gitDir.resolve("config"), gitDir.resolve("index"),
                gitDir.resolve("refs"), gitDir.resolve("refs/heads"), gitDir.resolve("objects"), gitDir.resolve("objects/pack"));
        for (Path part : parts) {
            boolean denied = Files.isDirectory(part) ? !Files.isReadable(part) || !Files.isExecutable(part)
                    : Files.isRegularFile(part) && !Files.isReadable(part);
            if (denied) {
                return Optional.of("permission denied: " + Printable.path(part));
            }
        }
        return Optional.empty();
    }
}
