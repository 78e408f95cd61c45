package io.gitopsauditor.plugins.audit.internal.model;

import java.util.Objects;

/**
 * One thing the audit found about one repository.
 *
 * @param type     what kind of finding
 * @param severity how much it matters (the type's, unless a rule raised or lowered it)
 * @param message  one plain sentence, e.g. "3 commits on main are not on origin/main."
 * @param fix      the fix id the audit offers ({@code clone}, {@code fetch}, {@code set-remote}, {@code set-remote-head}), or {@code null}
 */
public record Finding(FindingType type, Severity severity, String message, String fix) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Finding of(FindingType type, String message) {
        return new Finding(type, type.severity(), message, null);
    }

    public Finding withFix(String fixId) {
        return new Finding(type, severity, message, fixId);
    }
}
