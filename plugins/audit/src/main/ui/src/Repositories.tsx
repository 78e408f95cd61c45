import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorCard, useChannel, useResource } from "@gitops-auditor/sdk";
import { BASE, LevelBadge, muted, Page, param, Report, row, SEVERITIES, StateBadge, STATES, When, words } from "./common";

const LIMIT = 100;
const SORTS = ["risk", "name", "state", "severity", "last-commit", "findings"];
/** Sorted largest first unless the page's Order says otherwise, as before the server took sort=-field. */
const DESCENDING_FIRST = ["risk", "severity", "last-commit", "findings"];

export function RepositoriesPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const offset = Number(params.get("offset") ?? 0) || 0;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    if (key !== "offset") next.delete("offset");
    setParams(next, { replace: true });
  };
  useEffect(() => {
    const timer = setTimeout(() => { if ((params.get("q") ?? "") !== q) set("q", q); }, 250);
    return () => clearTimeout(timer);
  }); // eslint-disable-line

  const query = new URLSearchParams();
  for (const key of ["state", "severity", "risk", "source", "q"]) {
    const v = params.get(key);
    if (v) query.set(key, v);
  }
  const sortKey = params.get("sort") || "risk";
  const order = params.get("order") || (DESCENDING_FIRST.includes(sortKey) ? "desc" : "asc");
  query.set("sort", `${order === "desc" ? "-" : ""}${sortKey},name`.replace(/^(-?name),name$/, "$1"));
  query.set("offset", String(offset));
  query.set("limit", String(LIMIT));
  const page = useResource<Page<Report>>(`/api/audit/repositories?${query}`);
  const sources = useResource<{ current?: { sources: { id: string; label: string }[] } }>("/api/audit/summary");
  const [live, setLive] = useState<Record<string, Report>>({});
  useEffect(() => setLive({}), [page.data]);

  useChannel("audit.repositories", (event) => {
    const data = event.data as { type: string; repository?: Report };
    if (data.type === "changed" && data.repository) {
      const repo = data.repository;
      setLive((prev) => ({ ...prev, [repo.id]: repo }));
    }
  }, page.refresh);
  useChannel("audit.runs", (event) => { if ((event.data as { type: string }).type === "finished") page.refresh(); });

  const items = (page.data?.items ?? []).map((r) => live[r.id] ?? r);
  const total = page.data?.total ?? 0;
  const select = (label: string, key: string, options: [string, string][]) => (
    <label style={{ display: "grid", gap: "0.2rem" }}>
      <span>{label}</span>
      <select value={params.get(key) ?? ""} onChange={(e) => set(key, e.target.value)}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </label>
  );
  return (
    <div style={{ display: "grid", gap: "1rem", minWidth: 0 }}>
      <h1 style={{ margin: 0 }}>Repositories</h1>
      <form role="search" style={{ ...row, alignItems: "end" }} onSubmit={(e) => { e.preventDefault(); set("q", q); }}>
        <label style={{ display: "grid", gap: "0.2rem" }}>
          <span>Search</span>
          <input type="search" value={q} placeholder="name or path" onChange={(e) => setQ(e.target.value)} />
        </label>
        {select("State", "state", [["", "any"], ...STATES.map((s): [string, string] => [param(s), words(s)])])}
        {select("Severity at least", "severity", [["", "any"], ...SEVERITIES.map((s): [string, string] => [param(s), words(s)])])}
        {select("Risk", "risk", [["", "any"], ["high", "high"], ["high,medium", "medium or high"], ["none", "none"]])}
        {select("Source", "source", [["", "any"], ...(sources.data?.current?.sources ?? []).map((s): [string, string] => [s.id, s.label])])}
        {select("Sort by", "sort", SORTS.map((s): [string, string] => [s === "risk" ? "" : s, words(s)]))}
        {select("Order", "order", [["", "default"], ["asc", "ascending"], ["desc", "descending"]])}
      </form>
      {page.error && <ErrorCard title="Repositories" reason={page.error.message} />}
      <div className="ga-table-wrap">
        <table className="ga-table">
          <caption>{page.loading && !page.data ? "Loading repositories…" : `${total} repositories`}</caption>
          <thead>
            <tr><th scope="col">Repository</th><th scope="col">State</th><th scope="col">Risk</th><th scope="col">Severity</th>
              <th scope="col">Findings</th><th scope="col">Last commit</th></tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr><td colSpan={6} className="ga-table__empty">No repository matches.</td></tr>
            ) : items.map((r) => (
              <tr key={r.id} data-repo-id={r.id}>
                <td><Link to={`${BASE}/repositories/${r.id}`}>{r.name}</Link><br /><small style={muted}>{r.local?.path ?? r.key}</small></td>
                <td data-state={r.state} style={{ whiteSpace: "nowrap" }}><StateBadge state={r.state} /></td>
                <td style={{ whiteSpace: "nowrap" }}><LevelBadge level={r.risk.level} /></td>
                <td style={{ whiteSpace: "nowrap" }}>{r.findings.length ? <LevelBadge level={r.severity} /> : ""}</td>
                <td style={{ minWidth: "14rem" }}>{r.findings.map((f) => f.message).join(" ") || <span style={muted}>none</span>}</td>
                <td>{r.local?.lastCommitAt ? new Date(r.local.lastCommitAt).toLocaleDateString() : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > LIMIT && (
        <nav className="ga-pager" aria-label="Repositories: pages">
          <button type="button" disabled={offset === 0} onClick={() => set("offset", String(Math.max(0, offset - LIMIT)))}>Previous</button>
          <span aria-live="polite">{offset + 1}–{Math.min(offset + LIMIT, total)} of {total}</span>
          <button type="button" disabled={offset + LIMIT >= total} onClick={() => set("offset", String(offset + LIMIT))}>Next</button>
        </nav>
      )}
      <p style={muted}>Updated <When iso={page.fetchedAt?.toISOString()} />; changes on disk show here live.</p>
    </div>
  );
}
