package io.gitopsauditor.plugin.api.list;

import java.util.List;
import java.util.Objects;

/**
 * What one list endpoint allows: the fields it sorts by, its order when the caller names none,
 * and its largest page. Declare it once per endpoint as a constant and parse each query with
 * {@link PageRequest#parse}.
 *
 * @param sortFields  the field names {@code sort} may use (each ascending or, with {@code -}, descending)
 * @param defaultSort the order used without {@code sort}, in the wire form, e.g. {@code -risk,name}; may be empty
 * @param maxLimit    the largest {@code limit} accepted, at least 1
 * @since 0.2
 */
public record ListSpec(List<String> sortFields, String defaultSort, int maxLimit) {

    /** The page size used when the caller does not name one. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page an endpoint serves unless it says more. */
    public static final int DEFAULT_MAX_LIMIT = 500;

    /**
     * @throws IllegalArgumentException when the default sort names a field that is not sortable,
     *                                  or the maximum is below 1
     */
    public ListSpec {
        sortFields = List.copyOf(sortFields);
        defaultSort = Objects.requireNonNullElse(defaultSort, "").strip();
        if (maxLimit < 1) {
            throw new IllegalArgumentException("a list's maximum limit must be at least 1, got " + maxLimit);
        }
        for (String key : defaultSort.isEmpty() ? new String[0] : defaultSort.split(",")) {
            if (!sortFields.contains(SortKey.parse(key).field())) {
                throw new IllegalArgumentException("the default sort '" + defaultSort + "' names '" + key.strip()
                        + "', which is not among the sort fields " + sortFields);
            }
        }
    }

    /**
     * A list sortable by the given fields, with pages of at most {@value #DEFAULT_MAX_LIMIT}.
     *
     * @param defaultSort the order without {@code sort}, e.g. {@code -startedAt}
     * @param sortFields  the field names {@code sort} may use
     * @return the spec
     */
    public static ListSpec sortable(String defaultSort, String... sortFields) {
        return new ListSpec(List.of(sortFields), defaultSort, DEFAULT_MAX_LIMIT);
    }

    /**
     * @param max the largest {@code limit} this endpoint accepts
     * @return a copy with that maximum
     */
    public ListSpec withMaxLimit(int max) {
        return new ListSpec(sortFields, defaultSort, max);
    }
}
