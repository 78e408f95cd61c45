package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.settings.SecretUnreadableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The encrypted secrets in {@code platform_secrets}. Values go in sealed ({@link SecretCipher})
 * under the {@link SecretsKey}, with the key's fingerprint beside them; the only way out is
 * {@link #read}, which the kernel uses for the plugins and the GitHub client, never for an answer.
 */
final class SecretStore {
    private static final Table<Record> SECRETS = DSL.table(DSL.name("platform_secrets"));
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<String> OWNER = DSL.field(DSL.name("owner"), SQLDataType.VARCHAR);
    private static final Field<String> KEY_ID = DSL.field(DSL.name("key_id"), SQLDataType.VARCHAR);
    private static final Field<byte[]> NONCE = DSL.field(DSL.name("nonce"), SQLDataType.BLOB);
    private static final Field<byte[]> CIPHERTEXT = DSL.field(DSL.name("ciphertext"), SQLDataType.BLOB);
    private static final Field<String> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.VARCHAR);
    private static final Field<String> UPDATED_BY = DSL.field(DSL.name("updated_by"), SQLDataType.VARCHAR);

    /**
     * A stored secret as listed: never its value.
     *
     * @param name      e.g. {@code github.token}
     * @param plugin    the owner: {@code platform} or a plugin id
     * @param updatedAt when it was last set
     * @param problem   why it cannot be read (a lost or replaced key), or {@code null} when it can
     */
    record Listed(String name, String plugin, String updatedAt, String problem) {
        Listed withProblem(Optional<String> reason) {
            return new Listed(name, plugin, updatedAt, reason.orElse(null));
        }
    }

    private final SecretsKey key;

    SecretStore(SecretsKey key) {
        this.key = key;
    }

    SecretsKey key() {
        return key;
    }

    /** Encrypts and stores (or replaces) a secret, in the caller's transaction. */
    void put(DSLContext dsl, String name, String owner, String value, String actor) {
        SecretKey current = key.readOrCreate();
        SecretCipher.Sealed sealed = SecretCipher.seal(current, name, value);
        String now = Instant.now().toString();
        dsl.insertInto(SECRETS, NAME, OWNER, KEY_ID, NONCE, CIPHERTEXT, UPDATED_AT, UPDATED_BY)
                .values(name, owner, SecretsKey.id(current), sealed.nonce(), sealed.ciphertext(), now, actor)
                .onConflict(NAME).doUpdate()
                .set(OWNER, owner).set(KEY_ID, SecretsKey.id(current)).set(NONCE, sealed.nonce())
                .set(CIPHERTEXT, sealed.ciphertext()).set(UPDATED_AT, now).set(UPDATED_BY, actor)
                .execute();
    }

    /** @return whether there was one to delete */
    boolean delete(DSLContext dsl, String name) {
        return dsl.deleteFrom(SECRETS).where(NAME.eq(name)).execute() > 0;
    }

    Optional<String> updatedAt(DSLContext dsl, String name) {
        return Optional.ofNullable(dsl.select(UPDATED_AT).from(SECRETS).where(NAME.eq(name)).fetchOne(UPDATED_AT));
    }

    List<Listed> list(DSLContext dsl) {
        return dsl.select(NAME, OWNER, UPDATED_AT).from(SECRETS).orderBy(NAME)
                .fetch(r -> new Listed(r.get(NAME), r.get(OWNER), r.get(UPDATED_AT), null));
    }

    /**
     * @return the secret's value, empty when it is not stored
     * @throws SecretUnreadableException naming the secret when the key is missing, replaced, or the value damaged
     */
    Optional<String> read(DSLContext dsl, String name) {
        Record row = dsl.select(KEY_ID, NONCE, CIPHERTEXT).from(SECRETS).where(NAME.eq(name)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        SecretKey current = key.read().orElseThrow(() -> new SecretUnreadableException("secret '" + name
                + "' cannot be read: the secrets key " + key.describe() + " is missing. Restore it from your backup, or set '"
                + name + "' again (on the Settings page, or PUT /api/platform/secrets/" + name + ")"));
        try {
            return Optional.of(SecretCipher.open(current, name, new SecretCipher.Sealed(row.get(NONCE), row.get(CIPHERTEXT))));
        } catch (SecretCipher.WrongKeyOrDamaged e) {
            String why = SecretsKey.id(current).equals(row.get(KEY_ID))
                    ? "its stored value is damaged"
                    : "it was stored under another secrets key (" + row.get(KEY_ID) + ") than the one in " + key.describe()
                            + " (" + SecretsKey.id(current) + "): the key was lost or replaced. Restore the old key from your backup";
            throw new SecretUnreadableException("secret '" + name + "' cannot be read: " + why + ", or set '" + name + "' again", e);
        }
    }
}
