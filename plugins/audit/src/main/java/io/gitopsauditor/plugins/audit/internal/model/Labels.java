package io.gitopsauditor.plugins.audit.internal.model;

import java.util.Locale;

/** How enum values are spelled for people and in query parameters: {@code AT_RISK} is {@code at-risk}. */
public final class Labels {
    private Labels() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
