import { useState } from "react";
import { Link } from "react-router";
import { Card, DataTable, ErrorCard, StatusBadge, useLiveResource, useResource, type ListPage, type Tone } from "@gitops-auditor/sdk";
import { BASE, Finding, HealthBadge, LevelBadge, muted, row, RunSummary, stack, StateBadge } from "./common";
import "./events";

/** A run's colour: a cancelled run did not finish, so it is not "ok". */
const RUN_TONES: Record<string, Tone> = { finished: "ok", running: "info", failed: "error", cancelled: "warn" };

interface Entry { id: string; key: string; name: string; state: string }
interface Change extends Entry { stateBefore: string; stateAfter: string; resolved: Finding[]; appeared: Finding[] }
interface Diff { from: number; to: number; added: Entry[]; removed: Entry[]; changed: Change[] }

export function RunsPage() {
  // A run's start, end or failure changes the list; its progress does not.
  const runs = useLiveResource<ListPage<RunSummary>, "audit.runs">("/api/audit/runs?limit=100", {
    channels: "audit.runs",
    apply: (page, event) => (event.data.type === "progress" ? page : undefined),
  });
  const [picked, setPicked] = useState<number[]>([]);
  const toggle = (id: number) => setPicked((p) => p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]);
  const [newer, older] = [...picked].sort((a, b) => b - a);
  if (runs.error && !runs.data) return <ErrorCard title="Runs" reason={runs.error.message} />;
  return (
    <div style={stack}>
      <h1 style={{ margin: 0 }}>Runs</h1>
      <p style={muted}>Pick two runs to compare them.</p>
      <DataTable<RunSummary> caption="Audit runs, newest first" rows={runs.data?.items ?? []} rowKey={(r) => r.id} empty="No run yet." columns={[
        { key: "pick", header: "Compare", render: (r) => (
          <input type="checkbox" aria-label={`Compare run ${r.id}`} checked={picked.includes(r.id)} disabled={r.status !== "finished"} onChange={() => toggle(r.id)} />
        ) },
        { key: "id", header: "Run", render: (r) => `#${r.id}`, sortValue: (r) => r.id },
        { key: "startedAt", header: "Started", render: (r) => new Date(r.startedAt).toLocaleString(), sortValue: (r) => r.startedAt },
        { key: "status", header: "Status", render: (r) => <StatusBadge status={r.status} tone={RUN_TONES[r.status] ?? "neutral"} />, sortValue: (r) => r.status },
        { key: "trigger", header: "Trigger", render: (r) => `${r.trigger} (${r.mode})`, sortValue: (r) => r.trigger },
        { key: "health", header: "Health", render: (r) => r.health ? <HealthBadge health={r.health} /> : r.error ?? "", sortValue: (r) => r.health },
        { key: "repositories", header: "Repos", align: "end" },
        { key: "atRisk", header: "At risk", align: "end" },
        { key: "export", header: "Export", render: (r) => (
          <span style={row}>{["json", "markdown", "csv"].map((f) => <a key={f} href={`/api/audit/runs/${r.id}/export?format=${f}`} download>{f}</a>)}</span>
        ) },
      ]} />
      {newer !== undefined && older !== undefined && <DiffView newer={newer} older={older} />}
    </div>
  );
}

function DiffView({ newer, older }: { newer: number; older: number }) {
  const diff = useResource<Diff>(`/api/audit/runs/${newer}/diff?against=${older}`);
  if (diff.error) return <ErrorCard title="Comparison" reason={diff.error.message} />;
  const d = diff.data;
  const link = (e: Entry) => <Link to={`${BASE}/repositories/${e.id}`}>{e.name}</Link>;
  const findings = (list: Finding[]) => list.map((f, i) => <div key={i}><LevelBadge level={f.severity} /> {f.message}</div>);
  return (
    <Card title={`Run #${newer} against #${older}`}>
      {!d ? <p className="ga-loading">Comparing…</p> : (
        <div style={stack} aria-live="polite">
          <p>{d.added.length} added, {d.removed.length} removed, {d.changed.length} changed.</p>
          {d.added.length > 0 && <><h3>Added</h3><ul>{d.added.map((e) => <li key={e.id}>{link(e)} <StateBadge state={e.state} /></li>)}</ul></>}
          {d.removed.length > 0 && <><h3>Removed</h3><ul>{d.removed.map((e) => <li key={e.id}>{e.name} <StateBadge state={e.state} /></li>)}</ul></>}
          {d.changed.length > 0 && (
            <><h3>Changed</h3><DataTable<Change> caption="Changed repositories" rows={d.changed} rowKey={(c) => c.id} columns={[
              { key: "name", header: "Repository", render: link, sortValue: (c) => c.name },
              { key: "state", header: "State", render: (c) => <>{c.stateBefore ? <StateBadge state={c.stateBefore} /> : "—"} → <StateBadge state={c.stateAfter} /></>, sortValue: (c) => c.stateAfter },
              { key: "resolved", header: "Resolved", render: (c) => findings(c.resolved) },
              { key: "appeared", header: "Appeared", render: (c) => findings(c.appeared) },
            ]} /></>
          )}
        </div>
      )}
    </Card>
  );
}
