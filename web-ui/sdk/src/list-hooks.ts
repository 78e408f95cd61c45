import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { Resource } from "./hooks";
import {
  listQueryString, readListQuery, writeListQuery, type ListPage, type ListQuery, type ListQueryOptions,
} from "./list";
import { useLiveResource, type LiveOptions } from "./live";

/** A table's query, read from and written to the page's URL. */
export interface ListQueryState {
  query: ListQuery;
  /**
   * Moves to another query. A new history entry by default, so Back returns to the previous page
   * or order; `replace` for changes as one types (the search box).
   */
  setQuery: (next: ListQuery, options?: { replace?: boolean }) => void;
}

/** The query of the list a table shows, kept in the URL (see `ListQueryOptions` for the parameter names). */
export function useListQuery(options: ListQueryOptions = {}): ListQueryState {
  const [params, setParams] = useSearchParams();
  const { prefix, limit, sort } = options;
  const filterKey = (options.filters ?? []).join(",");
  const text = params.toString();
  // Recomputed only when the URL (or the options) change, so the query is a stable dependency.
  const stable = useMemo(
    () => ({ prefix, limit, sort, filters: filterKey === "" ? [] : filterKey.split(",") }),
    [prefix, limit, sort, filterKey],
  );
  const query = useMemo(() => readListQuery(new URLSearchParams(text), stable), [text, stable]);
  const setQuery = useCallback(
    (next: ListQuery, how: { replace?: boolean } = {}) =>
      setParams((current) => writeListQuery(current, next, stable), { replace: how.replace ?? false }),
    [setParams, stable],
  );
  return { query, setQuery };
}

/** A list endpoint's page for the URL's query, kept live. */
export interface ListResource<Row> extends ListQueryState {
  page: Resource<ListPage<Row>>;
}

/**
 * One page of a list endpoint (the platform's list shape), for the query in the URL, kept current
 * by `live.channels` (every event refetches the page unless `live.apply` patches it). What
 * `DataTable`'s `list` prop takes.
 *
 *   const repos = useList<Report>("/api/audit/repositories", { filters: ["state", "q"], sort: "-risk" },
 *                                 { channels: "audit.repositories" });
 *   <DataTable caption="Repositories" list={repos} columns={...} rowKey={(r) => r.id} />
 */
export function useList<Row, C extends string = string>(
  path: string,
  options: ListQueryOptions & {
    /** How the query goes on the wire; the contract's `listQueryString` unless an endpoint still speaks another dialect. */
    toQueryString?: (query: ListQuery) => string;
  } = {},
  live: Partial<LiveOptions<ListPage<Row>, C>> = {},
): ListResource<Row> {
  const { query, setQuery } = useListQuery(options);
  const encode = options.toQueryString ?? listQueryString;
  const page = useLiveResource<ListPage<Row>, C>(`${path}?${encode(query)}`, { channels: live.channels ?? [], apply: live.apply });
  return { query, setQuery, page };
}
