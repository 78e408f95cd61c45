package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.config.ConfigValue;
import io.gitopsauditor.platform.core.internal.db.PrivateFiles;
import io.gitopsauditor.plugin.api.settings.SecretUnreadableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key the secrets are encrypted under, kept apart from the database: a copy of the
 * database alone gives nobody a secret. It lives in a file, by default {@code <data-dir>/secrets.key}
 * (owner-only, created at the first secret stored), or wherever {@code secrets.key-file} (or
 * {@code GITOPS_AUDITOR_SECRETS_KEY_FILE}) points, e.g. a systemd credential
 * ({@code LoadCredential=} makes it {@code $CREDENTIALS_DIRECTORY/secrets-key}). The file holds the
 * key as base64 on one line. It is read at each use, so a key restored from a backup works at once.
 */
final class SecretsKey {
    static final String FILE_NAME = "secrets.key";
    static final String CONFIG_KEY = "secrets.key-file";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    /** Where the location came from, for messages ("the default", the file, the variable). */
    private final String configuredBy;

    SecretsKey(Path file, String configuredBy) {
        this.file = file;
        this.configuredBy = configuredBy;
    }

    static SecretsKey from(ConfigSource source, Path dataDir) {
        Optional<ConfigValue> configured = source.get(CONFIG_KEY).filter(v -> !v.value().isBlank());
        return configured.map(v -> new SecretsKey(Path.of(v.value().strip()).toAbsolutePath().normalize(), v.source()))
                .orElseGet(() -> new SecretsKey(dataDir.resolve(FILE_NAME), "the default"));
    }

    Path file() {
        return file;
    }

    /** The key, when its file exists. */
    synchronized Optional<SecretKey> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (bytes.length != BYTES) {
                throw unreadable("holds " + bytes.length + " bytes, not the " + BYTES + " of an AES-256 key");
            }
            return Optional.of(new SecretKeySpec(bytes, "AES"));
        } catch (IllegalArgumentException e) {
            throw unreadable("is not a base64 key");
        } catch (IOException e) {
            throw unreadable("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The key, made (owner-only) when its file does not exist yet: for storing a secret. */
    synchronized SecretKey readOrCreate() {
        Optional<SecretKey> existing = read();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        try {
            PrivateFiles.folder(file.toAbsolutePath().getParent());
            PrivateFiles.emptyFile(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw unreadable("cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A short fingerprint of a key, stored beside each secret: tells a replaced key from a damaged value. */
    static String id(SecretKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Where the key is looked for, for messages. */
    String describe() {
        return file + (configuredBy.equals("the default") ? "" : " (set by " + configuredBy + ")");
    }

    private SecretUnreadableException unreadable(String what) {
        return new SecretUnreadableException("the secrets key file " + describe() + " " + what);
    }
}
