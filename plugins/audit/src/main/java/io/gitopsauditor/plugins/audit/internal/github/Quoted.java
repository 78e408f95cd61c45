package io.gitopsauditor.plugins.audit.internal.github;

/**
 * Shows a value GitHub sent inside a message: in quotes, on one line (control characters escaped),
 * cut when long. Names and URLs from the API may hold anything; a message must stay readable.
 */
final class Quoted {
    private static final int MAX = 200;

    private Quoted() {
    }

    static String of(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder("'");
        value.codePoints().limit(MAX).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append(value.codePointCount(0, value.length()) > MAX ? "…'" : "'").toString();
    }
}
