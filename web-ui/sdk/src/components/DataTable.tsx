import { useMemo, useState, type ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: string;
  /** The cell; defaults to the row's property named `key`. */
  render?: (row: Row) => ReactNode;
  /** What to sort by; a column without one (and without a plain property) is not sortable. */
  sortValue?: (row: Row) => string | number | Date | undefined;
  align?: "start" | "end";
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
 * A table with sortable headers (aria-sort on the sorted column) that pages its rows, so that
 * thousands of rows cost the DOM only one page.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  pageSize = 50,
  empty = "Nothing to show.",
}: {
  /** The table's accessible name, shown above it. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  pageSize?: number;
  empty?: ReactNode;
}) {
  const [sort, setSort] = useState<{ key: string; direction: Direction } | undefined>();
  const [page, setPage] = useState(0);

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column || !sort) return rows;
    const sign = sort.direction === "ascending" ? 1 : -1;
    // A copy: the caller's array stays in its order.
    return [...rows].sort((a, b) => {
      const x = valueOf(column, a);
      const y = valueOf(column, b);
      if (x === undefined || x === null || y === undefined || y === null) return compare(x, y);
      return sign * compare(x, y);
    });
  }, [rows, columns, sort]);

  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = sorted.slice(current * pageSize, (current + 1) * pageSize);

  function toggle(key: string) {
    setSort((previous) =>
      previous?.key === key && previous.direction === "ascending" ? { key, direction: "descending" } : { key, direction: "ascending" },
    );
    setPage(0);
  }

  return (
    <div className="ga-table-wrap">
      <table className="ga-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sortable = column.sortValue !== undefined || column.render === undefined;
              const direction = sort?.key === column.key ? sort.direction : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={direction ?? (sortable ? "none" : undefined)} className={column.align === "end" ? "ga-end" : undefined}>
                  {sortable ? (
                    <button type="button" className="ga-sort" onClick={() => toggle(column.key)}>
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
          {visible.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="ga-table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            visible.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.align === "end" ? "ga-end" : undefined}>
                    {column.render ? column.render(row) : String((row as Record<string, unknown>)[column.key] ?? "")}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="ga-pager" aria-label={`${caption}: pages`}>
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            Previous
          </button>
          <span aria-live="polite">
            Page {current + 1} of {pages} ({sorted.length} rows)
          </span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
