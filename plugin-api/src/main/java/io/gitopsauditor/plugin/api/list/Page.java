package io.gitopsauditor.plugin.api.list;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, serialised as
 * {@code {"items": [...], "total": 1234, "offset": 0, "limit": 50, "sort": "-risk,name"}}.
 * Build it with {@link PageRequest#of} or {@link PageRequest#slice}.
 *
 * @param items  this page, in the list's order
 * @param total  how many items match the filters, across all pages
 * @param offset where this page starts
 * @param limit  the page size asked for
 * @param sort   the order applied, in the wire form ({@code -risk,name}); empty when unordered
 * @param <T>    the item type
 * @since 0.2
 */
public record Page<T>(List<T> items, long total, int offset, int limit, String sort) {

    /**
     * @throws IllegalArgumentException when a count is negative
     */
    public Page {
        items = List.copyOf(items);
        if (total < 0 || offset < 0 || limit < 0) {
            throw new IllegalArgumentException("a page's total, offset and limit must not be negative");
        }
        sort = sort == null ? "" : sort;
    }

    /**
     * @param mapper turns each item into what the endpoint shows
     * @param <R>    the shown type
     * @return the same page with its items mapped
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit, sort);
    }
}
