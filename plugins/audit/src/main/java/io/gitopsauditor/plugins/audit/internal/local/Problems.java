package io.gitopsauditor.plugins.audit.internal.local;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.eclipse.jgit.errors.MissingObjectException;

/** Turns exceptions into the one readable line a {@code problem} field or a warning holds. */
final class Problems {

    private Problems() {
    }

    /** @return what went wrong, in one line, without a stack trace or exception class names where a sentence says more */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingObjectException missing) {
                return "missing object " + missing.getObjectId().abbreviate(7).name();
            }
            if (t instanceof AccessDeniedException denied) {
                return "permission denied: " + denied.getFile();
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
}
