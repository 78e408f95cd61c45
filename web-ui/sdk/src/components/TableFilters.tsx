import { useEffect, useState } from "react";
import type { ListQuery } from "../list";

/** A choice above a server-paged table: one filter parameter of the list endpoint. */
export interface TableFilter {
  /** The query parameter (`"state"`); also listed in `useList`'s `filters`. */
  name: string;
  /** The control's visible label. */
  label: string;
  /** The choices; the first "any" choice (empty value, not filtered) is added for you. */
  options: Array<{ value: string; label: string }>;
  /** The label of the "not filtered" choice; `"any"` by default. */
  anyLabel?: string;
}

/** A free-text box above a server-paged table, sent as `q`. */
export interface TableSearch {
  label?: string;
  placeholder?: string;
}

const TYPING_PAUSE_MS = 250;

/**
 * The filters of a server-paged table. Every change starts again at the first page; the search box
 * waits for a pause in typing, and replaces the history entry rather than adding one per letter.
 */
export function TableFilters({
  caption, query, setQuery, filters, search,
}: {
  caption: string;
  query: ListQuery;
  setQuery: (next: ListQuery, options?: { replace?: boolean }) => void;
  filters: TableFilter[];
  search?: TableSearch;
}) {
  const urlText = query.filters.q?.join(",") ?? "";
  const [text, setText] = useState(urlText);
  // The URL changed by other means (Back, a link): the box follows it.
  useEffect(() => setText(urlText), [urlText]);

  const withFilter = (name: string, value: string) => {
    const filters = { ...query.filters };
    if (value) filters[name] = value.split(",");
    else delete filters[name];
    return { ...query, offset: 0, filters };
  };

  useEffect(() => {
    if (text === urlText) return;
    const timer = setTimeout(() => setQuery(withFilter("q", text), { replace: true }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }); // Every render: the timer restarts on each keystroke.

  return (
    <form
      role="search"
      aria-label={`${caption}: filters`}
      className="ga-filters"
      onSubmit={(event) => {
        event.preventDefault();
        setQuery(withFilter("q", text), { replace: true });
      }}
    >
      {search && (
        <label className="ga-field">
          <span>{search.label ?? "Search"}</span>
          <input type="search" value={text} placeholder={search.placeholder} onChange={(event) => setText(event.target.value)} />
        </label>
      )}
      {filters.map((filter) => (
        <label key={filter.name} className="ga-field">
          <span>{filter.label}</span>
          <select value={query.filters[filter.name]?.join(",") ?? ""} onChange={(event) => setQuery(withFilter(filter.name, event.target.value))}>
            <option value="">{filter.anyLabel ?? "any"}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </form>
  );
}
