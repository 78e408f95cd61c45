package io.gitopsauditor.platform.core.internal.security;

import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.Scope;
import io.gitopsauditor.plugin.api.list.Page;
import io.gitopsauditor.plugin.api.list.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Users, browser sessions, API tokens and security events, in the kernel's tables. Session ids
 * and tokens are stored as SHA-256 fingerprints and passwords as Argon2id hashes: a copy of the
 * database gives nobody a way in. Shared by the server and the CLI (which may run beside it).
 */
public final class SecurityStore {
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /**
     * Verifying against this when a user does not exist takes as long as a real check: no user
     * enumeration by timing. A stand-in rather than a real hash: it is made on every start.
     */
    private static final String DUMMY_HASH = PasswordHasher.standIn();

    private static final Table<Record> USERS = DSL.table(DSL.name("platform_users"));
    private static final Field<Long> USER_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> USERNAME_F = DSL.field(DSL.name("username"), SQLDataType.VARCHAR);
    private static final Field<String> PASSWORD_HASH = DSL.field(DSL.name("password_hash"), SQLDataType.VARCHAR);
    private static final Field<String> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.VARCHAR);
    private static final Field<String> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.VARCHAR);

    private static final Table<Record> SESSIONS = DSL.table(DSL.name("platform_sessions"));
    private static final Field<String> ID_HASH = DSL.field(DSL.name("id_hash"), SQLDataType.VARCHAR);
    private static final Field<Long> SESSION_USER = DSL.field(DSL.name("user_id"), SQLDataType.BIGINT);
    private static final Field<String> CSRF = DSL.field(DSL.name("csrf_token"), SQLDataType.VARCHAR);
    private static final Field<String> EXPIRES_AT = DSL.field(DSL.name("expires_at"), SQLDataType.VARCHAR);

    private static final Table<Record> TOKENS = DSL.table(DSL.name("platform_tokens"));
    private static final Field<Long> TOKEN_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<String> TOKEN_HASH = DSL.field(DSL.name("token_hash"), SQLDataType.VARCHAR);
    private static final Field<String> SCOPE = DSL.field(DSL.name("scope"), SQLDataType.VARCHAR);
    private static final Field<String> CREATED_BY = DSL.field(DSL.name("created_by"), SQLDataType.VARCHAR);
    private static final Field<String> LAST_USED_AT = DSL.field(DSL.name("last_used_at"), SQLDataType.VARCHAR);
    private static final Field<String> REVOKED_AT = DSL.field(DSL.name("revoked_at"), SQLDataType.VARCHAR);

    private static final Table<Record> EVENTS = DSL.table(DSL.name("platform_security_events"));
    private static final Field<Long> EVENT_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> TIME = DSL.field(DSL.name("time"), SQLDataType.VARCHAR);
    private static final Field<String> TYPE = DSL.field(DSL.name("type"), SQLDataType.VARCHAR);
    private static final Field<String> ACTOR = DSL.field(DSL.name("actor"), SQLDataType.VARCHAR);
    private static final Field<String> CLIENT = DSL.field(DSL.name("client"), SQLDataType.VARCHAR);
    private static final Field<String> DETAIL = DSL.field(DSL.name("detail"), SQLDataType.VARCHAR);

    private final DSLContext dsl;
    private final Duration sessionLifetime;

    public SecurityStore(DSLContext dsl, Duration sessionLifetime) {
        this.dsl = dsl;
        this.sessionLifetime = sessionLifetime;
    }

    /**
     * A token as listed: never the token itself.
     *
     * @param id         its number, for revoking
     * @param name       what it is for
     * @param scope      what it may do
     * @param createdAt  when
     * @param createdBy  who made it
     * @param lastUsedAt when it was last used (to the minute)
     * @param revokedAt  when it was revoked
     */
    public record TokenView(long id, String name, Scope scope, String createdAt, String createdBy, String lastUsedAt,
                            String revokedAt) {
    }

    /**
     * A recorded security event.
     *
     * @param id     its number (newest highest)
     * @param time   when
     * @param type   setup, setup-failed, login, login-failed, logout, password-changed, password-change-failed,
     *               password-reset, token-created, token-revoked
     * @param actor  who (user or token name), when known
     * @param client the client address, when known
     * @param detail what happened, never a secret
     */
    public record SecurityEvent(long id, String time, String type, String actor, String client, String detail) {
    }

    /** A new token, shown once. */
    public record NewToken(long id, String token) {
    }

    /** A new browser session: the cookie value and its CSRF token. */
    public record NewSession(String id, String csrfToken) {
    }

    public boolean hasUsers() {
        return dsl.fetchCount(USERS) > 0;
    }

    public void createUser(String username, String password) {
        checkUsername(username);
        checkPassword(password);
        String now = Instant.now().toString();
        if (dsl.fetchExists(USERS, USERNAME_F.eq(username))) {
            throw ProblemException.conflict("a user named '" + username + "' exists already");
        }
        dsl.insertInto(USERS, USERNAME_F, PASSWORD_HASH, CREATED_AT, UPDATED_AT)
                .values(username, PasswordHasher.hash(password), now, now).execute();
    }

    /** Sets a user's password and ends all their sessions; false when there is no such user. */
    public boolean setPassword(String username, String password) {
        checkPassword(password);
        Long id = dsl.select(USER_ID).from(USERS).where(USERNAME_F.eq(username)).fetchOne(USER_ID);
        if (id == null) {
            return false;
        }
        dsl.transaction(tx -> {
            tx.dsl().update(USERS).set(PASSWORD_HASH, PasswordHasher.hash(password)).set(UPDATED_AT, Instant.now().toString())
                    .where(USER_ID.eq(id)).execute();
            tx.dsl().deleteFrom(SESSIONS).where(SESSION_USER.eq(id)).execute();
        });
        return true;
    }

    /** True when a user of that name exists. */
    public boolean userExists(String username) {
        return username != null && dsl.fetchExists(USERS, USERNAME_F.eq(username));
    }

    public List<String> usernames() {
        return dsl.select(USERNAME_F).from(USERS).orderBy(USER_ID).fetch(USERNAME_F);
    }

    /** The user's id when the password is right. Takes the same time whether or not the user exists. */
    public Optional<Long> checkPassword(String username, String password) {
        Record user = username == null ? null
                : dsl.select(USER_ID, PASSWORD_HASH).from(USERS).where(USERNAME_F.eq(username)).fetchOne();
        boolean ok = PasswordHasher.verify(password, user == null ? DUMMY_HASH : user.get(PASSWORD_HASH));
        return ok && user != null ? Optional.of(user.get(USER_ID)) : Optional.empty();
    }

    /** The id of an existing user. */
    long checkUserId(String username) {
        Long id = dsl.select(USER_ID).from(USERS).where(USERNAME_F.eq(username)).fetchOne(USER_ID);
        if (id == null) {
            throw ProblemException.notFound("no user named '" + username + "'");
        }
        return id;
    }

    public NewSession createSession(long userId) {
        // Expired sessions are dead weight: drop them whenever a new one starts.
        dsl.deleteFrom(SESSIONS).where(EXPIRES_AT.lt(Instant.now().toString())).execute();
        String id = Secrets.random("gas_");
        String csrf = Secrets.random("");
        Instant now = Instant.now();
        dsl.insertInto(SESSIONS, ID_HASH, SESSION_USER, CSRF, CREATED_AT, EXPIRES_AT)
                .values(Secrets.sha256(id), userId, csrf, now.toString(), now.plus(sessionLifetime).toString()).execute();
        return new NewSession(id, csrf);
    }

    public void deleteSession(String idHash) {
        dsl.deleteFrom(SESSIONS).where(ID_HASH.eq(idHash)).execute();
    }

    /** The caller behind a session cookie, if the session exists and has not expired. */
    public Optional<Principal> sessionPrincipal(String sessionId) {
        if (sessionId == null || !sessionId.startsWith("gas_")) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(sessionId);
        Record row = dsl.select(USERNAME_F, CSRF, EXPIRES_AT).from(SESSIONS).join(USERS).on(SESSION_USER.eq(USER_ID))
                .where(ID_HASH.eq(hash)).fetchOne();
        if (row == null || Instant.parse(row.get(EXPIRES_AT)).isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(new Principal(row.get(USERNAME_F), Scope.ADMIN, true, hash, row.get(CSRF)));
    }

    public NewToken createToken(String name, Scope scope, String createdBy) {
        if (name == null || !USERNAME.matcher(name).matches() || name.matches("\\d+")) {
            throw ProblemException.invalidInput("token name must be 1 to 64 letters, digits, dots, dashes or underscores,"
                    + " and not only digits (those are token ids)");
        }
        String token = Secrets.random("gat_");
        Long id = dsl.insertInto(TOKENS, NAME, TOKEN_HASH, SCOPE, CREATED_AT, CREATED_BY)
                .values(name, Secrets.sha256(token), scope.name(), Instant.now().toString(), createdBy)
                .returning(TOKEN_ID).fetchOne(TOKEN_ID);
        return new NewToken(id, token);
    }

    /** Sort fields of {@code GET /api/platform/tokens}, by the token's JSON names. */
    public static final Map<String, Field<?>> TOKEN_SORTS = Map.of("id", TOKEN_ID, "name", NAME, "createdAt", CREATED_AT,
            "lastUsedAt", LAST_USED_AT);
    /** Sort fields of {@code GET /api/platform/security-events}. */
    public static final Map<String, Field<?>> EVENT_SORTS = Map.of("id", EVENT_ID, "time", TIME, "type", TYPE);

    /** A page of tokens, revoked ones included, in the order asked for; paged in SQL. */
    public Page<TokenView> tokens(PageRequest page) {
        List<SortField<?>> order = new ArrayList<>(page.orderBy(TOKEN_SORTS));
        order.add(TOKEN_ID.asc());
        List<TokenView> items = dsl.select(TOKEN_ID, NAME, SCOPE, CREATED_AT, CREATED_BY, LAST_USED_AT, REVOKED_AT).from(TOKENS)
                .orderBy(order).limit(page.limit()).offset(page.offset())
                .fetch(r -> new TokenView(r.get(TOKEN_ID), r.get(NAME), Scope.valueOf(r.get(SCOPE)), r.get(CREATED_AT),
                        r.get(CREATED_BY), r.get(LAST_USED_AT), r.get(REVOKED_AT)));
        return page.of(items, dsl.fetchCount(TOKENS));
    }

    public List<TokenView> tokens() {
        return dsl.select(TOKEN_ID, NAME, SCOPE, CREATED_AT, CREATED_BY, LAST_USED_AT, REVOKED_AT).from(TOKENS).orderBy(TOKEN_ID)
                .fetch(r -> new TokenView(r.get(TOKEN_ID), r.get(NAME), Scope.valueOf(r.get(SCOPE)), r.get(CREATED_AT),
                        r.get(CREATED_BY), r.get(LAST_USED_AT), r.get(REVOKED_AT)));
    }

    /** Revokes live tokens by id or by name; returns the names revoked. */
    public List<String> revokeTokens(String idOrName) {
        var which = idOrName.matches("\\d{1,18}") ? TOKEN_ID.eq(Long.parseLong(idOrName)) : NAME.eq(idOrName);
        List<String> names = dsl.select(NAME).from(TOKENS).where(which).and(REVOKED_AT.isNull()).fetch(NAME);
        dsl.update(TOKENS).set(REVOKED_AT, Instant.now().toString()).where(which).and(REVOKED_AT.isNull()).execute();
        return names;
    }

    /** The caller behind a bearer token, if it exists and is not revoked. */
    public Optional<Principal> tokenPrincipal(String token) {
        if (token == null || !token.startsWith("gat_")) {
            return Optional.empty();
        }
        Record row = dsl.select(TOKEN_ID, NAME, SCOPE, LAST_USED_AT).from(TOKENS)
                .where(TOKEN_HASH.eq(Secrets.sha256(token))).and(REVOKED_AT.isNull()).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String lastUsed = row.get(LAST_USED_AT);
        if (lastUsed == null || Instant.parse(lastUsed).plus(LAST_USED_RESOLUTION).isBefore(now)) {
            // At most one write a minute per token: a busy script must not turn every read into a write.
            dsl.update(TOKENS).set(LAST_USED_AT, now.toString()).where(TOKEN_ID.eq(row.get(TOKEN_ID))).execute();
        }
        return Optional.of(new Principal(row.get(NAME), Scope.valueOf(row.get(SCOPE)), false,
                String.valueOf(row.get(TOKEN_ID)), null));
    }

    /** Whether a caller's credential still holds: its session exists and is current, or its token is not revoked. */
    public boolean stillValid(Principal principal) {
        if (principal.viaSession()) {
            String expires = dsl.select(EXPIRES_AT).from(SESSIONS).where(ID_HASH.eq(principal.credentialId())).fetchOne(EXPIRES_AT);
            return expires != null && Instant.parse(expires).isAfter(Instant.now());
        }
        return dsl.fetchExists(TOKENS, TOKEN_ID.eq(Long.parseLong(principal.credentialId())).and(REVOKED_AT.isNull()));
    }

    public void record(String type, String actor, String client, String detail) {
        dsl.insertInto(EVENTS, TIME, TYPE, ACTOR, CLIENT, DETAIL)
                .values(Instant.now().toString(), type, truncate(actor, 64), truncate(client, 64), truncate(detail, 300)).execute();
    }

    /** A page of events in the order asked for, optionally only those older than {@code beforeId}; paged in SQL. */
    public Page<SecurityEvent> events(PageRequest page, Long beforeId) {
        Condition which = beforeId == null ? DSL.noCondition() : EVENT_ID.lt(beforeId);
        List<SortField<?>> order = new ArrayList<>(page.orderBy(EVENT_SORTS));
        order.add(EVENT_ID.desc());
        List<SecurityEvent> items = dsl.select(EVENT_ID, TIME, TYPE, ACTOR, CLIENT, DETAIL).from(EVENTS).where(which)
                .orderBy(order).limit(page.limit()).offset(page.offset())
                .fetch(r -> new SecurityEvent(r.get(EVENT_ID), r.get(TIME), r.get(TYPE), r.get(ACTOR), r.get(CLIENT), r.get(DETAIL)));
        return page.of(items, dsl.fetchCount(EVENTS, which));
    }

    /**
     * Deletes security events older than the retention and sessions that have expired (a session
     * that is never used again would otherwise stay forever).
     *
     * @return how many events and sessions were deleted
     */
    public Pruned prune(Duration eventsRetention) {
        Instant now = Instant.now();
        // One transaction: one write lock taken once, and no reader sees half a prune.
        return dsl.transactionResult(tx -> {
            int events = tx.dsl().deleteFrom(EVENTS).where(TIME.lt(now.minus(eventsRetention).toString())).execute();
            int sessions = tx.dsl().deleteFrom(SESSIONS).where(EXPIRES_AT.lt(now.toString())).execute();
            return new Pruned(events, sessions);
        });
    }

    /**
     * @param events   security events deleted
     * @param sessions expired sessions deleted
     */
    public record Pruned(int events, int sessions) {
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ProblemException.invalidInput("username must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ProblemException.invalidInput("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
