package io.gitopsauditor.plugins.audit.internal.local;

import java.nio.file.Path;

/** Turns paths and messages into single lines: warnings are one line each, and folder names may hold newlines. */
final class Printable {

    private Printable() {
    }

    /** @return the path with control characters escaped ({@code \n}, {@code \t}, {@code \u0007} ...) */
    static String path(Path path) {
        return line(path.toString());
    }

    /** @return the text on one line, control characters escaped */
    static String line(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
