package io.gitopsauditor.platform.core.internal.security;

import io.gitopsauditor.plugin.api.Scope;

/**
 * Who is calling and how: a browser session of a user, or an API token.
 *
 * @param name         the user name, or the token's name
 * @param scope        what the caller may do
 * @param viaSession   true for a cookie session (which needs CSRF protection on mutations)
 * @param credentialId the session's id hash or the token's id: what revocation looks for
 * @param csrfToken    the session's CSRF token; {@code null} for tokens
 */
public record Principal(String name, Scope scope, boolean viaSession, String credentialId, String csrfToken)
        implements java.security.Principal {

    /** The request attribute the kernel keeps the caller under. */
    public static final String ATTRIBUTE = "io.gitopsauditor.principal";

    @Override
    public String getName() {
        return name;
    }
}
