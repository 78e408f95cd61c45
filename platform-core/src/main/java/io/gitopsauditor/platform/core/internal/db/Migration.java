package io.gitopsauditor.platform.core.internal.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ordered SQL migration of one owner (a plugin id, or {@code platform} for the kernel).
 *
 * @param version     positive, applied in ascending order, once
 * @param description what it does
 * @param sql         the script
 * @param checksum    SHA-256 of the script, to notice a migration edited after it was applied
 */
public record Migration(int version, String description, String sql, String checksum) {
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_\\-]+)\\.sql");

    public static Migration of(int version, String description, String sql) {
        if (version <= 0) {
            throw new IllegalArgumentException("migration version must be positive, got " + version);
        }
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("migration " + version + " has no SQL");
        }
        return new Migration(version, description == null ? "" : description, sql, sha256(sql));
    }

    /** A migration from a script named {@code V<version>__<description>.sql}. */
    public static Migration fromScript(String fileName, String sql) {
        Matcher matcher = SCRIPT_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("migration script '" + fileName
                    + "' must be named V<version>__<description>.sql, e.g. V1__create_items.sql");
        }
        return of(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '), sql);
    }

    private static String sha256(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
