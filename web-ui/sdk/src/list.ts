/**
 * The platform's one list shape (docs/rest-api.md, "Lists"), on the client side: what a list
 * endpoint answers, and the query a table sends it, kept in the page's URL so that a reload, the
 * back button or a shared link shows the same page of the same rows in the same order.
 */

/** What every list endpoint answers: one page of `items` out of `total`, and the page asked for. */
export interface ListPage<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
  /** The sort the server applied, as sent: `"-risk,name"`. */
  sort?: string;
}

/** One sort key: a field the endpoint allows, ascending unless `descending`. */
export interface SortKey {
  field: string;
  descending: boolean;
}

/** The page of a list a table asks for. `filters` holds each filter's values (empty: not filtered). */
export interface ListQuery {
  offset: number;
  limit: number;
  sort: SortKey[];
  filters: Record<string, string[]>;
}

/** How one table's query maps to the URL's parameters. */
export interface ListQueryOptions {
  /**
   * Prefixed to every parameter name in the URL (`"runs."` gives `runs.offset`, `runs.sort`), so two
   * tables on one page keep apart. Empty by default: the URL then reads like the API's own query.
   */
  prefix?: string;
  /** The filter parameters this table knows (`q` for free text included); others in the URL are left alone. */
  filters?: readonly string[];
  /** Page size when the URL names none. The contract's default is 50. */
  limit?: number;
  /** Sort when the URL names none, as the API spells it (`"-risk,name"`). */
  sort?: string;
}

export const DEFAULT_LIMIT = 50;

/** `"-risk,name"` -> `[{field: "risk", descending: true}, {field: "name", descending: false}]`. */
export function parseSort(text: string | null | undefined): SortKey[] {
  return (text ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "" && part !== "-")
    .map((part) => (part.startsWith("-") ? { field: part.slice(1), descending: true } : { field: part, descending: false }));
}

/** The inverse of {@link parseSort}. */
export function formatSort(keys: SortKey[]): string {
  return keys.map((key) => (key.descending ? `-${key.field}` : key.field)).join(",");
}

/** A filter's values from the URL: repeated parameters and comma-separated ones alike. */
function valuesOf(params: URLSearchParams, name: string): string[] {
  return params.getAll(name).flatMap((value) => value.split(",")).filter((value) => value !== "");
}

/** Reads a table's query from the page's URL parameters; anything missing or malformed takes its default. */
export function readListQuery(params: URLSearchParams, options: ListQueryOptions = {}): ListQuery {
  const prefix = options.prefix ?? "";
  const whole = (name: string, fallback: number, least: number) => {
    const value = Number(params.get(prefix + name));
    return Number.isInteger(value) && value >= least && params.get(prefix + name) !== null ? value : fallback;
  };
  const filters: Record<string, string[]> = {};
  for (const name of options.filters ?? []) {
    const values = valuesOf(params, prefix + name);
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get(prefix + "sort");
  return {
    offset: whole("offset", 0, 0),
    limit: whole("limit", options.limit ?? DEFAULT_LIMIT, 1),
    sort: parseSort(sort === null ? options.sort : sort),
    filters,
  };
}

/**
 * Writes a table's query into a copy of the URL's parameters. Defaults are left out, so a table
 * nobody touched keeps a clean URL; other parameters on the page stay as they are.
 */
export function writeListQuery(params: URLSearchParams, query: ListQuery, options: ListQueryOptions = {}): URLSearchParams {
  const prefix = options.prefix ?? "";
  const next = new URLSearchParams(params);
  const put = (name: string, value: string | undefined) => {
    next.delete(prefix + name);
    if (value !== undefined && value !== "") next.set(prefix + name, value);
  };
  put("offset", query.offset > 0 ? String(query.offset) : undefined);
  put("limit", query.limit !== (options.limit ?? DEFAULT_LIMIT) ? String(query.limit) : undefined);
  const sort = formatSort(query.sort);
  put("sort", sort !== (options.sort ?? "") ? sort : undefined);
  for (const name of new Set([...(options.filters ?? []), ...Object.keys(query.filters)])) {
    put(name, (query.filters[name] ?? []).join(","));
  }
  return next;
}

/** The API query of a list: the contract's parameter names, no prefix, filters comma-separated. */
export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams();
  params.set("offset", String(query.offset));
  params.set("limit", String(query.limit));
  if (query.sort.length > 0) params.set("sort", formatSort(query.sort));
  for (const [name, values] of Object.entries(query.filters)) {
    if (values.length > 0) params.set(name, values.join(","));
  }
  return params.toString();
}

/**
 * The sort after a click on `field`'s header: that field first, ascending, then descending, then
 * back to ascending. The other keys are dropped: one header, one order, as people expect.
 */
export function toggleSort(current: SortKey[], field: string): SortKey[] {
  const first = current[0];
  return [{ field, descending: first?.field === field && !first.descending }];
}
