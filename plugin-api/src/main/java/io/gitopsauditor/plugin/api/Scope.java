package io.gitopsauditor.plugin.api;

/**
 * What a caller may do. Every {@code /api} call is authenticated by the kernel; a browser session
 * (the admin) has {@link #ADMIN}, an API token the scope it was created with. By default reads
 * ({@code GET}, {@code HEAD}) need {@link #READ} and everything else {@link #WRITE}; a route that
 * needs more says so with {@link RequiresScope}.
 *
 * @since 0.1
 */
public enum Scope {
    /** Look: read-only routes. */
    READ,
    /** Change: mutating routes (run audits, apply templates, start pipelines). */
    WRITE,
    /** Administer: tokens, secrets, security events, anything that grants or reveals access. */
    ADMIN;

    /**
     * @param required the scope a route needs
     * @return whether a caller with this scope may call it
     */
    public boolean covers(Scope required) {
        return ordinal() >= required.ordinal();
    }
}
