import { Link } from "react-router";
import { DataTable, ErrorCard, useChannel, useList, useResource, type Column, type TableFilter } from "@gitops-auditor/sdk";
import { BASE, LevelBadge, muted, param, Report, SEVERITIES, StateBadge, STATES, When, words } from "./common";
import "./events";

/** What the repositories endpoint filters by (besides `q`), and its page size here. */
const FILTERS = ["state", "severity", "risk", "source", "q"] as const;
const LIMIT = 100;

const COLUMNS: Column<Report>[] = [
  {
    key: "name", header: "Repository", sort: "name",
    render: (r) => <><Link to={`${BASE}/repositories/${r.id}`}>{r.name}</Link><br /><small style={muted}>{r.local?.path ?? r.key}</small></>,
  },
  { key: "state", header: "State", sort: "state", render: (r) => <span data-state={r.state}><StateBadge state={r.state} /></span>, cellStyle: { whiteSpace: "nowrap" } },
  { key: "risk", header: "Risk", sort: "risk", render: (r) => <LevelBadge level={r.risk.level} />, cellStyle: { whiteSpace: "nowrap" } },
  { key: "severity", header: "Severity", sort: "severity", render: (r) => (r.findings.length ? <LevelBadge level={r.severity} /> : ""), cellStyle: { whiteSpace: "nowrap" } },
  {
    key: "findings", header: "Findings", sort: "findings", cellStyle: { minWidth: "14rem" },
    render: (r) => r.findings.map((f) => f.message).join(" ") || <span style={muted}>none</span>,
  },
  { key: "last-commit", header: "Last commit", sort: "last-commit", render: (r) => (r.local?.lastCommitAt ? new Date(r.local.lastCommitAt).toLocaleDateString() : "") },
];

const option = (value: string, label = words(value)) => ({ value, label });

/** Every repository the audit knows, paged, sorted and filtered by the server; a row changes live when its clone does. */
export function RepositoriesPage() {
  const list = useList<Report, "audit.repositories">(
    "/api/audit/repositories",
    { filters: FILTERS, sort: "-risk", limit: LIMIT },
    {
      channels: "audit.repositories",
      // A changed repository is patched into the page in place; whether it still matches the filters
      // shows at the next fetch (a run's end), so rows do not jump while someone reads them.
      apply: (page, event) =>
        page.items.some((r) => r.id === event.data.repository.id)
          ? { ...page, items: page.items.map((r) => (r.id === event.data.repository.id ? event.data.repository : r)) }
          : page,
    },
  );
  const { refresh } = list.page;
  useChannel("audit.runs", (event) => {
    if (event.data.type === "finished") refresh();
  });
  const summary = useResource<{ current?: { sources: { id: string; label: string }[] } }>("/api/audit/summary");

  const filters: TableFilter[] = [
    { name: "state", label: "State", options: STATES.map((s) => option(param(s), words(s))) },
    { name: "severity", label: "Severity at least", options: SEVERITIES.map((s) => option(param(s), words(s))) },
    { name: "risk", label: "Risk", options: [option("high"), option("high,medium", "medium or high"), option("none")] },
    { name: "source", label: "Source", options: (summary.data?.current?.sources ?? []).map((s) => option(s.id, s.label)) },
  ];
  return (
    <div style={{ display: "grid", gap: "1rem", minWidth: 0 }}>
      <h1 style={{ margin: 0 }}>Repositories</h1>
      {list.page.error && <ErrorCard title="Repositories" reason={list.page.error.message} />}
      <DataTable
        caption="Repositories"
        list={list}
        columns={COLUMNS}
        rowKey={(r) => r.id}
        rowAttributes={(r) => ({ "data-repo-id": r.id })}
        filters={filters}
        search={{ placeholder: "name or path" }}
        empty="No repository matches."
      />
      <p style={muted}>Updated <When iso={list.page.fetchedAt?.toISOString()} />; changes on disk show here live.</p>
    </div>
  );
}
