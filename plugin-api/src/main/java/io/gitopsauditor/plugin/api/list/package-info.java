/**
 * One shape for every paged, sorted, filtered list the platform and its plugins serve.
 *
 * <p>On the wire a list endpoint takes {@code offset} (default 0), {@code limit} (default 50,
 * at most the endpoint's maximum, 500 unless it says more) and {@code sort}, comma-separated
 * field names where a leading {@code -} means descending ({@code sort=-risk,name}); filters are
 * the endpoint's own named query parameters. It answers
 * {@code {"items": [...], "total": 1234, "offset": 0, "limit": 50, "sort": "-risk,name"}}.
 *
 * <p>In Java an endpoint describes what it allows with a {@link io.gitopsauditor.plugin.api.list.ListSpec},
 * parses the query into a {@link io.gitopsauditor.plugin.api.list.PageRequest} (a bad value is a
 * 400 problem naming the allowed values) and returns a {@link io.gitopsauditor.plugin.api.list.Page}:
 *
 * <pre>{@code
 * private static final ListSpec GREETINGS = ListSpec.sortable("-createdAt", "name", "createdAt");
 *
 * @GET
 * public Page<Greeting> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
 *                            @QueryParam("sort") String sort) {
 *     PageRequest page = PageRequest.parse(GREETINGS, offset, limit, sort);
 *     return page.of(store.greetings(page.offset(), page.limit(), page.orderBy(COLUMNS)), store.count());
 * }
 * }</pre>
 *
 * See {@code docs/plugin-guide.md}, "Lists", and {@code docs/rest-api.md}, "Conventions".
 *
 * @since 0.2
 */
package io.gitopsauditor.plugin.api.list;
