package io.gitopsauditor.platform.core.internal.security;

import io.gitopsauditor.platform.core.internal.http.ProblemResponses;
import io.gitopsauditor.plugin.api.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one deny-by-default gate in front of everything: every {@code /api} route and the
 * {@code /ws} handshake needs a caller, except the few public routes listed here. It runs as a
 * Jetty handler before the servlet layer, so it also covers the WebSocket upgrade, and a plugin's
 * routes are covered without the plugin doing anything.
 *
 * <ul>
 *   <li>no or unknown credentials: 401;</li>
 *   <li>a mutating request, or a WebSocket handshake, from a foreign Origin: 403;</li>
 *   <li>a cookie session's mutating request without an Origin, or without its CSRF token (header
 *       {@code X-CSRF-Token}): 403;</li>
 *   <li>a read-only token's mutating request: 403;</li>
 *   <li>a WebSocket handshake of a credential that holds its maximum of open connections: 429.</li>
 * </ul>
 * Before any of that, for every path: {@code TRACE} and {@code TRACK} get 405 (they would echo
 * the request, cookies included, back to a script), and a {@code Host} that is not one of this
 * server's names ({@link AllowedHosts}) gets 421, against DNS rebinding.
 * Finer scopes per route ({@link io.gitopsauditor.plugin.api.RequiresScope}) are checked in Jersey.
 * Every response gets the security headers.
 */
public final class AccessGate extends Handler.Wrapper {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Routes that work without a caller: health, version, first-run setup and login. */
    public static final Set<String> PUBLIC_ROUTES = Set.of(
            "GET /api/platform/health", "HEAD /api/platform/health",
            "GET /api/platform/version", "HEAD /api/platform/version",
            "GET /api/platform/setup", "POST /api/platform/setup",
            "POST /api/platform/login");
    /**
     * Only this server's own files run; the dashboard's page widens {@code script-src} by exactly the
     * hash of its inline import map (see {@code http.Dashboard}).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<HttpField> SECURITY_HEADERS = List.of(
            new HttpField("X-Content-Type-Options", "nosniff"),
            new HttpField("Referrer-Policy", "no-referrer"),
            new HttpField("X-Frame-Options", "DENY"),
            new HttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            new HttpField("Cross-Origin-Opener-Policy", "same-origin"),
            new HttpField("Cross-Origin-Resource-Policy", "same-origin"));

    /** Methods that echo a request back; nothing here needs them. */
    private static final Set<String> REFUSED_METHODS = Set.of("TRACE", "TRACK");
    /** What {@code Allow} lists when a refused method is used: every method some route of this server answers. */
    private static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";

    private final Authenticator authenticator;
    private final AllowedHosts hosts;
    private final LiveConnections connections;

    public AccessGate(Authenticator authenticator, AllowedHosts hosts, LiveConnections connections, Handler next) {
        super(next);
        this.authenticator = authenticator;
        this.hosts = hosts;
        this.connections = connections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        SECURITY_HEADERS.forEach(headers::put);
        if (REFUSED_METHODS.contains(request.getMethod())) {
            headers.put(HttpHeader.ALLOW, ALLOWED_METHODS);
            return ProblemResponses.write(response, callback, 405, "This method is not allowed here.");
        }
        String hostHeader = request.getHeaders().get(HttpHeader.HOST);
        if (!hosts.allows(hostHeader)) {
            return ProblemResponses.write(response, callback, 421, "This server does not answer to the host name '"
                    + abbreviate(hostHeader) + "'. If it is this server's name, add it to server.allowed-hosts.");
        }
        String path = Request.getPathInContext(request);
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean webSocket = path.equals("/ws");
        if (!api && !webSocket) {
            return super.handle(request, response, callback);
        }
        if (api) {
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        String method = request.getMethod();
        boolean safe = SAFE_METHODS.contains(method);
        HttpFields fields = request.getHeaders();
        String origin = fields.get(HttpHeader.ORIGIN);
        String host = fields.get(HttpHeader.HOST);
        if ((!safe || webSocket) && !authenticator.originAllowed(origin, host)) {
            return ProblemResponses.write(response, callback, 403, "Requests from another site (Origin " + abbreviate(origin)
                    + ") are not accepted.");
        }
        Optional<Principal> principal = authenticator.authenticate(fields.getValuesList(HttpHeader.AUTHORIZATION),
                fields.getValuesList(HttpHeader.COOKIE));
        principal.ifPresent(p -> request.setAttribute(Principal.ATTRIBUTE, p));
        if (PUBLIC_ROUTES.contains(method + " " + path)) {
            return super.handle(request, response, callback);
        }
        if (principal.isEmpty()) {
            headers.put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"gitops-auditor\"");
            return ProblemResponses.write(response, callback, 401,
                    "Log in, or send an API token as 'Authorization: Bearer <token>'.");
        }
        Principal caller = principal.get();
        if (!safe && caller.viaSession() && origin == null) {
            // Browsers send Origin on every change; a cookie-borne change without one is not from our page.
            return ProblemResponses.write(response, callback, 403, "A change made with a session cookie needs an Origin header.");
        }
        if (!safe && caller.viaSession()
                && !Secrets.constantTimeEquals(fields.get(CSRF_HEADER), caller.csrfToken())) {
            return ProblemResponses.write(response, callback, 403,
                    "This change needs the session's CSRF token in the " + CSRF_HEADER + " header.");
        }
        if (!safe && !caller.scope().covers(Scope.WRITE)) {
            return ProblemResponses.write(response, callback, 403, "This token may only read; this request would change something.");
        }
        if (webSocket && connections.full(caller)) {
            return ProblemResponses.write(response, callback, 429, "This session or token has " + connections.maxPerCredential()
                    + " WebSocket connections open, the most allowed (websocket.max-connections-per-credential); close one first.");
        }
        return super.handle(request, response, callback);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
