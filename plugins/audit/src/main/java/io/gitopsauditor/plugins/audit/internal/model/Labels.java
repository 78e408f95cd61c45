package io.gitopsauditor.plugins.audit.internal.model;

import java.util.Locale;

/** How enum values are spelled for people and in query parameters: {@code AT_RISK} is {@code at-risk}. */
public final class Labels {
    private Labels() {
    }

    public static String of(Enum<?> value) {
        return of(value.name());
    }

    public static String of(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
