import { Fragment, useState } from "react";
import { Link, useParams } from "react-router";
import { api, Card, ConfirmDialog, DataTable, ErrorCard, useChannel, useLiveResource, useMutation, useResource } from "@gitops-auditor/sdk";
import { BASE, Branch, grid, LevelBadge, muted, pre, Report, row, stack, StateBadge, When } from "./common";
import "./events";

interface Fix { fix: string; title: string; commands: string[]; possible: boolean; blocker?: string }
interface FixRecord { id: number; at: string; fix: string; dryRun: boolean; commands: string[]; outcome: string; message?: string }
interface HistoryEntry { runId: number; startedAt: string; state: string; severity: string; risk: string; findings: number; types: string[] }

export function RepositoryPage() {
  const { id = "" } = useParams();
  const base = `/api/audit/repositories/${encodeURIComponent(id)}`;
  // Its own change arrives whole on the channel: shown as it is, no fetch.
  const repo = useLiveResource<Report, "audit.repositories">(base, {
    channels: "audit.repositories",
    apply: (current, event) => (event.data.repository.id === id ? event.data.repository : current),
  });
  const history = useResource<HistoryEntry[] | { items: HistoryEntry[] }>(`${base}/history?limit=50`);
  const fixes = useResource<Fix[] | { items: Fix[] }>(`${base}/fixes`);
  // What can be fixed follows from the new state.
  useChannel("audit.repositories", (event) => {
    if (event.data.repository.id === id) fixes.refresh();
  }, fixes.refresh);

  if (repo.error && !repo.data) return <ErrorCard title={`Repository ${id}`} reason={repo.error.message} />;
  const r = repo.data;
  if (!r) return <p className="ga-loading">Loading…</p>;
  const local = r.local;
  const historyItems = Array.isArray(history.data) ? history.data : history.data?.items ?? [];
  const fixItems = Array.isArray(fixes.data) ? fixes.data : fixes.data?.items ?? [];
  return (
    <div style={stack}>
      <p style={{ margin: 0 }}><Link to={`${BASE}/repositories`}>← Repositories</Link></p>
      <div style={row}>
        <h1 style={{ margin: 0, overflowWrap: "anywhere" }}>{r.name}</h1>
        <span data-state={r.state}><StateBadge state={r.state} /></span>
        <span>risk <LevelBadge level={r.risk.level} /></span>
      </div>
      <p style={{ ...muted, overflowWrap: "anywhere", margin: 0 }}>{r.key}</p>
      <Card title="Findings">
        {r.findings.length === 0 ? <p>Nothing to report: this repository is in order.</p> : (
          <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "0.5rem" }}>
            {r.findings.map((f, i) => <li key={i}><LevelBadge level={f.severity} /> {f.message}</li>)}
          </ul>
        )}
        {r.risk.reasons.length > 0 && (
          <>
            <h3>Why it is at risk</h3>
            <ul>{r.risk.reasons.map((reason, i) => <li key={i}>{reason}</li>)}</ul>
          </>
        )}
      </Card>
      {fixItems.length > 0 && (
        <Card title="Fixes">
          <div style={stack}>{fixItems.map((fix) => <FixPanel key={fix.fix} fix={fix} url={`${base}/fixes/${fix.fix}`} done={() => { repo.refresh(); fixes.refresh(); history.refresh(); }} />)}</div>
        </Card>
      )}
      <div style={grid}>
        {local && (
          <Card title="On disk">
            <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "0.25rem 0.75rem" }}>
              <dt>Path</dt><dd style={{ margin: 0, overflowWrap: "anywhere" }}>{local.path}</dd>
              <dt>Kind</dt><dd style={{ margin: 0 }}>{local.kind?.toLowerCase().replace(/_/g, " ")}</dd>
              <dt>HEAD</dt><dd style={{ margin: 0 }}>{local.detached ? "detached" : local.headBranch ?? "—"} {local.headCommit?.slice(0, 10)}</dd>
              <dt>Changes</dt><dd style={{ margin: 0 }}>{local.staged} staged, {local.unstaged} modified, {local.untracked} untracked, {local.conflicted} conflicted</dd>
              <dt>Stashes</dt><dd style={{ margin: 0 }}>{local.stashes}</dd>
              <dt>Last commit</dt><dd style={{ margin: 0 }}><When iso={local.lastCommitAt} /></dd>
              {local.problem && <><dt>Problem</dt><dd style={{ margin: 0 }}>{local.problem}</dd></>}
            </dl>
            <h3>Remotes</h3>
            {Object.keys(local.remotes ?? {}).length === 0 ? <p>No remote.</p> : (
              <ul>{Object.entries(local.remotes).map(([name, url]) => <li key={name} style={{ overflowWrap: "anywhere" }}><strong>{name}</strong> {url}</li>)}</ul>
            )}
          </Card>
        )}
        <Card title="On GitHub">
          {r.hosted ? (
            <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "0.25rem 0.75rem" }}>
              {Object.entries(r.hosted).filter(([, v]) => v !== null && typeof v !== "object").map(([k, v]) => (
                <Fragment key={k}><dt>{k}</dt><dd style={{ margin: 0, overflowWrap: "anywhere" }}>{String(v)}</dd></Fragment>
              ))}
            </dl>
          ) : <p>Not matched to a GitHub repository.</p>}
        </Card>
      </div>
      {local && local.branches.length > 0 && (
        <Card title="Branches"><DataTable<Branch> caption="Branches" rows={local.branches} rowKey={(b) => b.name} columns={[
          { key: "name", header: "Branch" },
          { key: "upstream", header: "Upstream", render: (b) => b.upstreamGone ? `${b.upstream} (gone)` : b.upstream ?? (b.onRemote ? "on a remote" : "none") , sortValue: (b) => b.upstream },
          { key: "ahead", header: "Ahead", align: "end" },
          { key: "behind", header: "Behind", align: "end" },
        ]} /></Card>
      )}
      <Card title="History across runs"><DataTable<HistoryEntry> caption="History across runs" rows={historyItems} rowKey={(h) => h.runId} empty="No run has seen it yet." columns={[
        { key: "runId", header: "Run", render: (h) => `#${h.runId} ${new Date(h.startedAt).toLocaleString()}`, sortValue: (h) => h.runId },
        { key: "state", header: "State", render: (h) => <StateBadge state={h.state} />, sortValue: (h) => h.state },
        { key: "risk", header: "Risk", render: (h) => <LevelBadge level={h.risk} />, sortValue: (h) => h.risk },
        { key: "types", header: "Findings", render: (h) => h.types.join(", ").toLowerCase().replace(/_/g, " ") || "none" },
      ]} /></Card>
    </div>
  );
}

function FixPanel({ fix, url, done }: { fix: Fix; url: string; done: () => void }) {
  const [confirm, setConfirm] = useState(false);
  const call = useMutation(async (dryRun: boolean) => {
    const record = await api.post<FixRecord>(url, { dryRun });
    if (!dryRun) done();
    return record;
  });
  const busy = call.pending;
  const result = call.pending ? undefined : call.result;
  const problem = call.error;
  const run = (dryRun: boolean) => { setConfirm(false); void call.run(dryRun); };
  return (
    <section aria-label={fix.title}>
      <h3 style={{ margin: 0 }}>{fix.title}</h3>
      <pre style={pre}>{fix.commands.join("\n")}</pre>
      {!fix.possible && <p>Not possible now: {fix.blocker}</p>}
      <div style={row}>
        <button type="button" disabled={busy} onClick={() => run(true)}>Dry run</button>
        <button type="button" className="ga-button--primary" disabled={busy || !fix.possible} onClick={() => setConfirm(true)}>Run fix</button>
      </div>
      <div aria-live="polite">
        {result && <p><strong>{result.outcome}</strong>{result.dryRun ? " (dry run)" : ""}{result.message ? `: ${result.message}` : ""}</p>}
        {problem && <ErrorCard title="The fix failed" reason={problem} />}
      </div>
      <ConfirmDialog open={confirm} title={`Run “${fix.title}”?`} confirmLabel="Run fix" onConfirm={() => run(false)} onCancel={() => setConfirm(false)}>
        <p>These commands will run:</p><pre style={pre}>{fix.commands.join("\n")}</pre>
      </ConfirmDialog>
    </section>
  );
}
