package io.gitopsauditor.platform.core.internal.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the caller behind a request's credentials (a bearer token, else the session cookie) and
 * judges Origin headers. Used by the HTTP gate and by the WebSocket handshake alike, so both
 * always agree.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "ga_session";

    private final SecurityStore store;
    private final Optional<String> publicOrigin;
    private final CredentialCache cache = new CredentialCache();

    public Authenticator(SecurityStore store, Optional<URI> publicUrl) {
        this.store = store;
        this.publicOrigin = publicUrl.map(Authenticator::origin);
    }

    public SecurityStore store() {
        return store;
    }

    /**
     * @param authorization the Authorization header values
     * @param cookies       the Cookie header values
     */
    public Optional<Principal> authenticate(List<String> authorization, List<String> cookies) {
        for (String header : authorization) {
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                // A presented token decides: a wrong one is not rescued by a cookie.
                String token = header.substring(7).strip();
                return cache.get(token, () -> store.tokenPrincipal(token));
            }
        }
        for (String header : cookies) {
            for (String cookie : header == null ? new String[0] : header.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(SESSION_COOKIE)) {
                    String id = pair[1].strip();
                    Optional<Principal> session = cache.get(id, () -> store.sessionPrincipal(id));
                    if (session.isPresent()) {
                        return session;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an Origin header may act on this server: the server's own origin as the request
     * addressed it (the Host header), or the configured public URL's.
     */
    public boolean originAllowed(String originHeader, String hostHeader) {
        if (originHeader == null) {
            return true; // not a browser, or a same-origin GET: nothing cross-site to stop
        }
        String origin = originHeader.strip().toLowerCase(Locale.ROOT);
        if (publicOrigin.isPresent() && publicOrigin.get().equals(origin)) {
            return true;
        }
        if (hostHeader == null || origin.equals("null")) {
            return false;
        }
        int schemeEnd = origin.indexOf("://");
        return schemeEnd > 0 && origin.substring(schemeEnd + 3).equals(hostHeader.strip().toLowerCase(Locale.ROOT));
    }

    /** A credential ended through this server (logout, revocation, password change): stop trusting cached answers. */
    public void forgetCached() {
        cache.clear();
    }

    public boolean secureCookies() {
        return publicOrigin.map(o -> o.startsWith("https://")).orElse(false);
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
