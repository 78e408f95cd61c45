package io.gitopsauditor.plugin.api.list;

import io.gitopsauditor.plugin.api.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * The page a caller asked for: where it starts, how long it is and in which order, parsed from
 * the query and checked against the endpoint's {@link ListSpec}. Where the data is in SQL, page
 * there ({@link #orderBy}, {@link #offset()}, {@link #limit()}, then {@link #of}); where it is
 * already in memory, {@link #slice} sorts and cuts it.
 *
 * @param offset how many items to skip, 0 or more
 * @param limit  the page size, from 1 to the endpoint's maximum
 * @param sort   the order, first key first; the endpoint's default when the caller named none
 * @since 0.2
 */
public record PageRequest(int offset, int limit, List<SortKey> sort) {

    /**
     * @throws IllegalArgumentException when offset is negative or limit below 1
     */
    public PageRequest {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more, got " + offset + " and " + limit);
        }
        sort = List.copyOf(sort);
    }

    /**
     * Parses a list query. Absent or blank values take the defaults (offset 0, limit
     * {@value ListSpec#DEFAULT_LIMIT} or the maximum if lower, the spec's default sort).
     *
     * @param spec   what the endpoint allows
     * @param offset the {@code offset} query parameter, or {@code null}
     * @param limit  the {@code limit} query parameter, or {@code null}
     * @param sort   the {@code sort} query parameter, or {@code null}
     * @return the request
     * @throws ProblemException a 400 naming the allowed values when a value is malformed,
     *                          out of range, an unknown or repeated sort field
     */
    public static PageRequest parse(ListSpec spec, String offset, String limit, String sort) {
        int first = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, Math.min(ListSpec.DEFAULT_LIMIT, spec.maxLimit()), 1, spec.maxLimit());
        String text = sort == null || sort.isBlank() ? spec.defaultSort() : sort;
        List<SortKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.isBlank() ? new String[0] : text.split(",")) {
            SortKey key = part.isBlank() || part.strip().equals("-") ? null : SortKey.parse(part);
            if (key == null || !spec.sortFields().contains(key.field())) {
                throw ProblemException.invalidInput("sort must be a comma-separated list of "
                        + String.join(", ", spec.sortFields()) + " (a leading - sorts descending), got '" + sort + "'");
            }
            if (!seen.add(key.field())) {
                throw ProblemException.invalidInput("sort names '" + key.field() + "' twice in '" + sort + "'");
            }
            keys.add(key);
        }
        return new PageRequest(first, size, keys);
    }

    /**
     * @return the order in the wire form, e.g. {@code -risk,name}; empty when unordered
     */
    public String sortText() {
        return sort.stream().map(SortKey::toString).collect(Collectors.joining(","));
    }

    /**
     * The jOOQ order for this request.
     *
     * @param columns the column behind each sort field of the endpoint's spec
     * @return the sort fields, first key first, for {@code orderBy(...)}
     * @throws IllegalArgumentException when a requested field has no column (the spec and the map disagree)
     */
    public List<SortField<?>> orderBy(Map<String, ? extends Field<?>> columns) {
        List<SortField<?>> order = new ArrayList<>();
        for (SortKey key : sort) {
            Field<?> column = columns.get(key.field());
            if (column == null) {
                throw new IllegalArgumentException("no column for sort field '" + key.field() + "'");
            }
            order.add(key.descending() ? column.desc() : column.asc());
        }
        return order;
    }

    /**
     * The in-memory order for this request.
     *
     * @param orders the ascending order of each sort field of the endpoint's spec
     * @param <T>    the item type
     * @return the comparator, first key first; keeps the given order when unordered
     * @throws IllegalArgumentException when a requested field has no comparator
     */
    public <T> Comparator<T> comparator(Map<String, Comparator<T>> orders) {
        Comparator<T> result = (a, b) -> 0;
        for (SortKey key : sort) {
            Comparator<T> order = orders.get(key.field());
            if (order == null) {
                throw new IllegalArgumentException("no comparator for sort field '" + key.field() + "'");
            }
            result = result.thenComparing(key.descending() ? order.reversed() : order);
        }
        return result;
    }

    /**
     * A page from items already cut to this request in the store.
     *
     * @param items this page's items, in order
     * @param total how many items match, across all pages
     * @param <T>   the item type
     * @return the page
     */
    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, total, offset, limit, sortText());
    }

    /**
     * Sorts every matching item with {@link #comparator} and cuts this page out of them.
     *
     * @param matching every item that matches the filters
     * @param orders   the ascending order of each sort field
     * @param <T>      the item type
     * @return the page
     */
    public <T> Page<T> slice(List<T> matching, Map<String, Comparator<T>> orders) {
        List<T> sorted = matching.stream().sorted(comparator(orders)).toList();
        int from = Math.min(offset, sorted.size());
        int to = (int) Math.min(sorted.size(), (long) from + limit);
        return of(sorted.subList(from, to), sorted.size());
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range, like a number out of it
        }
        throw ProblemException.invalidInput(name + " must be a whole number "
                + (max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max) + ", got '" + value + "'");
    }
}
