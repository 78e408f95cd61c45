package io.gitopsauditor.platform.core.internal.security;

import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.RequiresScope;
import io.gitopsauditor.plugin.api.Scope;
import io.gitopsauditor.plugin.api.list.ListSpec;
import io.gitopsauditor.plugin.api.list.Page;
import io.gitopsauditor.plugin.api.list.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/platform}: first-run setup, login and logout, the current caller, API tokens and the
 * security event log. Every security-relevant action is recorded; no secret is ever logged or
 * returned, except a new token in the one response that creates it.
 */
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private static final ListSpec TOKENS = ListSpec.sortable("id", "id", "name", "createdAt", "lastUsedAt");
    // Security events keep their former maximum of 1000 a page; "before" (an event id) stays as a filter.
    private static final ListSpec SECURITY_EVENTS = ListSpec.sortable("-id", "id", "time", "type").withMaxLimit(1000);
    private final SecurityStore store;
    private final Authenticator authenticator;
    private final SetupSecret setupSecret;
    private final LoginThrottle throttle;
    private final LiveConnections connections;
    private final Duration sessionLifetime;

    public AuthResource(Authenticator authenticator, SetupSecret setupSecret, LoginThrottle throttle, LiveConnections connections,
                        Duration sessionLifetime) {
        this.store = authenticator.store();
        this.authenticator = authenticator;
        this.setupSecret = setupSecret;
        this.throttle = throttle;
        this.connections = connections;
        this.sessionLifetime = sessionLifetime;
    }

    /** @param required true until the admin account exists */
    public record SetupStatus(boolean required) {
    }

    /**
     * @param secret   the content of the setup-secret file
     * @param username the admin's name
     * @param password the admin's password, 12 characters or more
     */
    public record SetupRequest(String secret, String username, String password) {
        @Override
        public String toString() {
            return "SetupRequest[username=" + username + "]";
        }
    }

    /**
     * @param username who
     * @param password their password
     */
    public record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    /**
     * The caller.
     *
     * @param name      user or token name
     * @param scope     what it may do
     * @param via       {@code session} or {@code token}
     * @param csrfToken for sessions: send it back as {@code X-CSRF-Token} on every change
     */
    public record Caller(String name, Scope scope, String via, String csrfToken) {
    }

    /**
     * @param currentPassword the password now
     * @param newPassword     the new one, 12 characters or more
     */
    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    /**
     * @param name  what the token is for, e.g. {@code ci}
     * @param scope read, write or admin
     */
    public record TokenRequest(String name, Scope scope) {
    }

    /**
     * A token just made: the only time it is shown.
     *
     * @param id    its number, for revoking
     * @param name  its name
     * @param scope its scope
     * @param token the secret to send as {@code Authorization: Bearer <token>}
     */
    public record CreatedToken(long id, String name, Scope scope, String token) {
    }

    @GET
    @Path("setup")
    @PublicRoute
    public SetupStatus setupStatus() {
        if (store.hasUsers()) {
            throw ProblemException.notFound("Setup is done: the admin account exists. Log in instead.");
        }
        return new SetupStatus(true);
    }

    @POST
    @Path("setup")
    @PublicRoute
    @Consumes(MediaType.APPLICATION_JSON)
    public synchronized Response setup(SetupRequest request, @Context HttpServletRequest http) {
        if (store.hasUsers()) {
            throw ProblemException.notFound("Setup is done: the admin account exists. Log in instead.");
        }
        String client = http.getRemoteAddr();
        LoginThrottle.Attempt attempt = throttle.reserve(client);
        if (request == null || !setupSecret.matches(request.secret())) {
            store.record("setup-failed", null, client, "wrong setup secret");
            throw new ProblemException(403, "Forbidden", "The setup secret is wrong; it is in the file named when the server started.");
        }
        // The secret was right: the attempt is settled; creating the user may still be refused (a short password).
        throttle.succeeded(attempt);
        store.createUser(request.username(), request.password());
        setupSecret.consume();
        store.record("setup", request.username(), client, "admin account created");
        return startSession(request.username(), client, Response.status(Response.Status.CREATED));
    }

    @POST
    @Path("login")
    @PublicRoute
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest request, @Context HttpServletRequest http) {
        String client = http.getRemoteAddr();
        LoginThrottle.Attempt attempt = throttle.reserve(client);
        String username = request == null ? null : request.username();
        if (request == null || checked(attempt, () -> store.checkPassword(username, request.password())).isEmpty()) {
            // Only a real user name goes in the log: people type passwords into the name field.
            boolean known = store.userExists(username);
            store.record("login-failed", known ? username : null, client, known ? "wrong password" : "unknown user name");
            throw new ProblemException(401, "Unauthorized", "Wrong user name or password.");
        }
        throttle.succeeded(attempt);
        store.record("login", username, client, "session started");
        return startSession(username, client, Response.ok());
    }

    @POST
    @Path("logout")
    @RequiresScope(Scope.READ)
    public Response logout(@Context HttpServletRequest http) {
        Principal caller = caller(http);
        if (caller.viaSession()) {
            store.deleteSession(caller.credentialId());
            authenticator.forgetCached();
            connections.end(caller.credentialId(), "logged out");
            store.record("logout", caller.name(), http.getRemoteAddr(), "session ended");
        }
        return Response.noContent().cookie(sessionCookie("", Duration.ZERO)).build();
    }

    @GET
    @Path("session")
    public Caller session(@Context HttpServletRequest http) {
        Principal caller = caller(http);
        return new Caller(caller.name(), caller.scope(), caller.viaSession() ? "session" : "token", caller.csrfToken());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange change, @Context HttpServletRequest http) {
        Principal caller = caller(http);
        if (!caller.viaSession()) {
            throw new ProblemException(403, "Forbidden", "Change a password from a logged-in session, not with a token.");
        }
        String client = http.getRemoteAddr();
        LoginThrottle.Attempt attempt = throttle.reserve(client);
        if (change == null || checked(attempt, () -> store.checkPassword(caller.name(), change.currentPassword())).isEmpty()) {
            store.record("password-change-failed", caller.name(), client, "wrong current password");
            throw ProblemException.invalidInput("The current password is wrong.");
        }
        throttle.succeeded(attempt);
        store.setPassword(caller.name(), change.newPassword());
        authenticator.forgetCached();
        connections.end(caller.credentialId(), "password changed");
        store.record("password-changed", caller.name(), http.getRemoteAddr(), "all sessions ended");
        return startSession(caller.name(), http.getRemoteAddr(), Response.ok());
    }

    @GET
    @Path("tokens")
    @RequiresScope(Scope.ADMIN)
    public Page<SecurityStore.TokenView> tokens(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                                @QueryParam("sort") String sort) {
        return store.tokens(PageRequest.parse(TOKENS, offset, limit, sort));
    }

    @POST
    @Path("tokens")
    @RequiresScope(Scope.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(TokenRequest request, @Context HttpServletRequest http) {
        if (request == null || request.scope() == null) {
            throw ProblemException.invalidInput("send a name and a scope, e.g. {\"name\": \"ci\", \"scope\": \"READ\"}");
        }
        Principal caller = caller(http);
        SecurityStore.NewToken token = store.createToken(request.name(), request.scope(), caller.name());
        store.record("token-created", caller.name(), http.getRemoteAddr(),
                "token '" + request.name() + "' (" + request.scope().name().toLowerCase(Locale.ROOT) + ")");
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedToken(token.id(), request.name(), request.scope(), token.token())).build();
    }

    @DELETE
    @Path("tokens/{idOrName}")
    @RequiresScope(Scope.ADMIN)
    public Response revokeToken(@PathParam("idOrName") String idOrName, @Context HttpServletRequest http) {
        List<String> revoked = store.revokeTokens(idOrName);
        if (revoked.isEmpty()) {
            throw ProblemException.notFound("No live token with id or name '" + idOrName + "'.");
        }
        authenticator.forgetCached();
        store.tokens().stream().filter(t -> revoked.contains(t.name()) && t.revokedAt() != null)
                .forEach(t -> connections.end(String.valueOf(t.id()), "token revoked"));
        store.record("token-revoked", caller(http).name(), http.getRemoteAddr(), "token(s) " + String.join(", ", revoked));
        return Response.noContent().build();
    }

    @GET
    @Path("security-events")
    @RequiresScope(Scope.ADMIN)
    public Page<SecurityStore.SecurityEvent> events(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                                    @QueryParam("sort") String sort, @QueryParam("before") Long before) {
        return store.events(PageRequest.parse(SECURITY_EVENTS, offset, limit, sort), before);
    }

    /** Runs a password hash for a counted attempt; when the server is too busy to hash, the attempt does not count. */
    private <T> T checked(LoginThrottle.Attempt attempt, java.util.function.Supplier<T> hash) {
        try {
            return hash.get();
        } catch (HashingSlots.ServerBusy busy) {
            throttle.cancel(attempt);
            throw busy;
        }
    }

    private Response startSession(String username, String client, Response.ResponseBuilder response) {
        long userId = store.checkUserId(username);
        SecurityStore.NewSession session = store.createSession(userId);
        return response.cookie(sessionCookie(session.id(), sessionLifetime))
                .entity(new Caller(username, Scope.ADMIN, "session", session.csrfToken())).build();
    }

    private NewCookie sessionCookie(String value, Duration maxAge) {
        return new NewCookie.Builder(Authenticator.SESSION_COOKIE).value(value).path("/").httpOnly(true)
                .secure(authenticator.secureCookies()).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds())).build();
    }

    private static Principal caller(HttpServletRequest http) {
        Object caller = http.getAttribute(Principal.ATTRIBUTE);
        if (caller instanceof Principal principal) {
            return principal;
        }
        throw new ProblemException(401, "Unauthorized", "Log in, or send an API token.");
    }
}
