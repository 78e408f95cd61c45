package io.gitopsauditor.plugins.audit.internal.model;

import java.util.Locale;

/** How much a finding matters, in increasing order: {@code --fail-on} and exit codes follow this order. */
public enum Severity {
    /** Worth knowing; nothing to do. */
    INFO,
    /** Drift that costs nothing yet: behind, not cloned, archived upstream. */
    LOW,
    /** Needs attention: uncommitted changes, stashes, a remote pointing elsewhere. */
    MEDIUM,
    /** Work exists only on this disk, or the repository cannot be read. */
    HIGH;

    /** Parses {@code info}, {@code low}, {@code medium}, {@code high}, in any case. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "'; use info, low, medium or high");
        }
    }

    /** @return the name in lower case, as the CLI and exports write it */
    public String label() {
        return Labels.of(this);
    }
}
