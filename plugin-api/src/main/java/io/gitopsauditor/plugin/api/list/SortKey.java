package io.gitopsauditor.plugin.api.list;

import java.util.Objects;

/**
 * One field of a list's sort order, written {@code name} (ascending) or {@code -name} (descending).
 *
 * @param field      the sort field, one of the endpoint's {@link ListSpec#sortFields()}
 * @param descending whether the largest value comes first
 * @since 0.2
 */
public record SortKey(String field, boolean descending) {

    /**
     * @throws IllegalArgumentException when the field is blank
     */
    public SortKey {
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("a sort field must not be blank");
        }
    }

    /**
     * @param text {@code name} or {@code -name}
     * @return the key
     * @throws IllegalArgumentException when no field name follows the optional {@code -}
     */
    public static SortKey parse(String text) {
        String stripped = text.strip();
        boolean descending = stripped.startsWith("-");
        return new SortKey(descending ? stripped.substring(1).strip() : stripped, descending);
    }

    /**
     * @return the key as written on the wire, {@code name} or {@code -name}
     */
    @Override
    public String toString() {
        return descending ? "-" + field : field;
    }
}
