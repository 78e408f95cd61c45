import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from "react";
import type { ListResource } from "../list-hooks";
import { toggleSort, type SortKey } from "../list";
import { TableFilters, type TableFilter, type TableSearch } from "./TableFilters";

/** One column of a {@link DataTable}. */
export interface Column<Row> {
  /** Unique among the columns; also the row's property shown when there is no `render`. */
  key: string;
  /** The header's text. */
  header: string;
  /** The cell; defaults to the row's property named `key`. */
  render?: (row: Row) => ReactNode;
  /**
   * With `list` (server-paged): the sort field the endpoint knows this column by (`"last-commit"`);
   * the header is a sort button only when it is set.
   */
  sort?: string;
  /**
   * With `rows` (in memory): what to sort by; a column without one (and without a plain property)
   * is not sortable.
   */
  sortValue?: (row: Row) => string | number | Date | undefined;
  align?: "start" | "end";
  /** Extra style of this column's cells (a `minWidth`, `whiteSpace: "nowrap"`). */
  cellStyle?: CSSProperties;
}

/** The props both kinds of table share. */
interface CommonProps<Row> {
  /**
   * The table's accessible name (a `<caption>` that screen readers announce, visually hidden: the
   * page's own heading names it for the eye). Also names the pager and the filters.
   */
  caption: string;
  columns: Column<Row>[];
  /** A stable key per row (its id). */
  rowKey: (row: Row) => string | number;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
  /** Attributes for each row's `<tr>`, such as `data-*` ones for tests: `(r) => ({"data-repo-id": r.id})`. */
  rowAttributes?: (row: Row) => Record<string, string | number | undefined>;
}

/** Rows already in memory (a few hundred at most): sorted and paged in the browser, state in the component. */
export interface LocalTableProps<Row> extends CommonProps<Row> {
  rows: Row[];
  /** Rows per page; 50 by default. */
  pageSize?: number;
  list?: never;
  filters?: never;
  search?: never;
}

/** A list endpoint's pages (`useList`): paged, sorted and filtered by the server, state in the URL. */
export interface ServerTableProps<Row> extends CommonProps<Row> {
  list: ListResource<Row>;
  /** Choices above the table, each a filter parameter of the endpoint (and of `useList`'s `filters`). */
  filters?: TableFilter[];
  /** A free-text box above the table, sent as `q` (list `"q"` in `useList`'s `filters`). */
  search?: TableSearch;
  rows?: never;
  pageSize?: never;
}

type Direction = "ascending" | "descending";

function valueOf<Row>(column: Column<Row>, row: Row): unknown {
  return column.sortValue ? column.sortValue(row) : (row as Record<string, unknown>)[column.key];
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1; // blanks last, whichever direction
  if (b === undefined || b === null) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

/**
 * A table with sortable headers (`aria-sort` on the sorted column) that shows one page of rows.
 * Give it `list` (from `useList`) and the server pages, sorts and filters, with the table's state
 * in the URL; or give it `rows` for a short list already in memory.
 */
export function DataTable<Row>(props: LocalTableProps<Row> | ServerTableProps<Row>) {
  return props.list ? <ServerTable {...props} /> : <LocalTable {...(props as LocalTableProps<Row>)} />;
}

function ServerTable<Row>({ caption, columns, rowKey, empty = "Nothing to show.", rowAttributes, list, filters, search }: ServerTableProps<Row>) {
  const { query, setQuery, page } = list;
  const data = page.data;
  const sorted = query.sort[0];
  const directionOf = (column: Column<Row>): Direction | undefined =>
    column.sort !== undefined && sorted?.field === column.sort ? (sorted.descending ? "descending" : "ascending") : undefined;

  // A page past the end (rows removed meanwhile, or an edited URL): go to the last page there is.
  const total = data?.total ?? 0;
  useEffect(() => {
    if (data && data.items.length === 0 && query.offset > 0 && total > 0) {
      setQuery({ ...query, offset: Math.max(0, Math.floor((total - 1) / query.limit) * query.limit) }, { replace: true });
    }
  }, [data, total, query, setQuery]);

  return (
    <div className="ga-table-block">
      {(filters?.length || search) && <TableFilters caption={caption} query={query} setQuery={setQuery} filters={filters ?? []} search={search} />}
      <Table
        caption={caption}
        columns={columns}
        rows={data?.items ?? []}
        rowKey={rowKey}
        rowAttributes={rowAttributes}
        empty={data === undefined && page.loading ? "Loading…" : empty}
        directionOf={directionOf}
        sortable={(column) => column.sort !== undefined}
        onSort={(column) => setQuery({ ...query, offset: 0, sort: toggleSort(query.sort, column.sort!) })}
        busy={page.loading}
      />
      {data && (
        <Pager
          caption={caption}
          text={total === 0 ? "No rows" : `${Math.min(query.offset + 1, total)}–${Math.min(query.offset + data.items.length, total)} of ${total}`}
          previous={query.offset > 0 ? () => setQuery({ ...query, offset: Math.max(0, query.offset - query.limit) }) : undefined}
          next={query.offset + query.limit < total ? () => setQuery({ ...query, offset: query.offset + query.limit }) : undefined}
        />
      )}
    </div>
  );
}

function LocalTable<Row>({ caption, columns, rows, rowKey, pageSize = 50, empty = "Nothing to show.", rowAttributes }: LocalTableProps<Row>) {
  const [sort, setSort] = useState<SortKey | undefined>();
  const [page, setPage] = useState(0);

  const sortedRows = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.field);
    if (!column || !sort) return rows;
    const sign = sort.descending ? -1 : 1;
    // A copy: the caller's array stays in its order.
    return [...rows].sort((a, b) => {
      const x = valueOf(column, a);
      const y = valueOf(column, b);
      if (x === undefined || x === null || y === undefined || y === null) return compare(x, y);
      return sign * compare(x, y);
    });
  }, [rows, columns, sort]);

  const pages = Math.max(1, Math.ceil(sortedRows.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = sortedRows.slice(current * pageSize, (current + 1) * pageSize);

  return (
    <div className="ga-table-block">
      <Table
        caption={caption}
        columns={columns}
        rows={visible}
        rowKey={rowKey}
        rowAttributes={rowAttributes}
        empty={empty}
        directionOf={(column) => (sort?.field === column.key ? (sort.descending ? "descending" : "ascending") : undefined)}
        sortable={(column) => column.sortValue !== undefined || column.render === undefined}
        onSort={(column) => {
          setSort((previous) => toggleSort(previous ? [previous] : [], column.key)[0]);
          setPage(0);
        }}
      />
      {pages > 1 && (
        <Pager
          caption={caption}
          text={`Page ${current + 1} of ${pages} (${sortedRows.length} rows)`}
          previous={current > 0 ? () => setPage(current - 1) : undefined}
          next={current < pages - 1 ? () => setPage(current + 1) : undefined}
        />
      )}
    </div>
  );
}

/** The markup both kinds share. */
function Table<Row>({
  caption, columns, rows, rowKey, rowAttributes, empty, directionOf, sortable, onSort, busy,
}: CommonProps<Row> & {
  rows: Row[];
  directionOf: (column: Column<Row>) => Direction | undefined;
  sortable: (column: Column<Row>) => boolean;
  onSort: (column: Column<Row>) => void;
  busy?: boolean;
}) {
  return (
    <div className="ga-table-wrap">
      <table className="ga-table" aria-busy={busy || undefined}>
        <caption className="ga-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const canSort = sortable(column);
              const direction = directionOf(column);
              return (
                <th key={column.key} scope="col" aria-sort={direction ?? (canSort ? "none" : undefined)} className={column.align === "end" ? "ga-end" : undefined}>
                  {canSort ? (
                    <button type="button" className="ga-sort" onClick={() => onSort(column)}>
                      {column.header}
                      <span aria-hidden="true">{direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : " ↕"}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="ga-table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} {...rowAttributes?.(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.align === "end" ? "ga-end" : undefined} style={column.cellStyle}>
                    {column.render ? column.render(row) : String((row as Record<string, unknown>)[column.key] ?? "")}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ caption, text, previous, next }: { caption: string; text: string; previous?: () => void; next?: () => void }) {
  return (
    <nav className="ga-pager" aria-label={`${caption}: pages`}>
      <button type="button" onClick={previous} disabled={!previous}>
        Previous
      </button>
      <span aria-live="polite">{text}</span>
      <button type="button" onClick={next} disabled={!next}>
        Next
      </button>
    </nav>
  );
}
