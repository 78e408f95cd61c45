import { useRef, useState } from "react";
import { Link } from "react-router";
import {
  ActionError, api, Card, EmptyState, ErrorCard, ProgressBar, useChannel, useLiveResource, useMutation, useResource, type ListPage,
} from "@gitops-auditor/sdk";
import {
  BASE, grid, HealthBadge, LevelBadge, muted, param, Report, row, RunProgress, RunSummary, SEVERITIES, stack,
  StateBadge, STATES, When, words,
} from "./common";
import "./events";

/** The ten riskiest repositories, riskiest first. */
const AT_RISK = "/api/audit/repositories?risk=high,medium&sort=-risk,name&limit=10";
import { TrendChart } from "./TrendChart";

export interface Summary {
  current?: RunSummary; updatedAt?: string; running?: RunProgress; lastRun?: RunSummary;
  settings: { roots: string[]; githubOwners: string[]; depth: number; schedule: string; watch: boolean };
}

/** The audit's own page (`/p/audit/`): health, counts by state and severity, what is at risk, the trend, and "Run audit". */
export function OverviewPage() {
  // Any repository change can move the counts and the at-risk list; the run channel is handled below.
  const summary = useLiveResource<Summary>("/api/audit/summary", { channels: "audit.repositories" });
  const atRisk = useLiveResource<ListPage<Report>>(AT_RISK, { channels: "audit.repositories" });
  const runs = useResource<ListPage<RunSummary>>("/api/audit/runs?limit=30");
  const [progress, setProgress] = useState<RunProgress | undefined>();
  const refreshAll = () => { summary.refresh(); atRisk.refresh(); runs.refresh(); };
  // Runs whose end has arrived. A quick run can end before the POST that started it is answered; that
  // answer must not bring its progress back (the button would say "Audit running…" until the next run).
  const ended = useRef(new Set<number>());

  useChannel("audit.runs", (event) => {
    const data = event.data;
    if (data.type === "started" || data.type === "progress") setProgress(data.run);
    else {
      ended.current.add(data.type === "finished" ? data.run.id : data.runId);
      setProgress(undefined);
      refreshAll();
    }
  }, () => {
    // Events were lost (a reconnect, maybe after a restart): the run's end may be among them. The summary's
    // "running" says whether one is still going; the next progress event takes over from there.
    setProgress(undefined);
    refreshAll();
  });

  // SEAM (issue #12, stream "jobs"): once audit runs are platform jobs, this becomes useJob(...) and the
  // progress above comes from platform.jobs; the POST's answer is then the job.
  const start = useMutation(() => api.post<RunProgress>("/api/audit/runs", { mode: "full" }));
  async function runAudit() {
    const run = await start.run();
    if (run && !ended.current.has(run.runId)) setProgress((p) => p ?? { ...run, done: 0, total: 0 });
  }

  if (summary.error && !summary.data) return <ErrorCard title="Audit summary" reason={summary.error.message} />;
  const s = summary.data;
  if (!s) return <p className="ga-loading">Loading the audit…</p>;
  if (s.settings.roots.length === 0 && s.settings.githubOwners.length === 0) {
    return (
      <EmptyState title="Nothing to audit yet" icon="🔎">
        <p>Tell the audit where your clones are and which GitHub accounts they belong to: an admin adds them in{" "}
          <Link to="/settings">Settings</Link> (or the <em>Get started</em> steps on the home page). The first audit starts
          as soon as they are saved, with no restart.</p>
      </EmptyState>
    );
  }
  const current = s.current;
  const running = progress ?? s.running;
  return (
    <div style={stack}>
      <div style={{ ...row, justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>Audit</h1>
        <div style={row}>
          <span>Health: {current ? <HealthBadge health={current.health} /> : <span style={muted}>no audit yet</span>}</span>
          <button type="button" className="ga-button--primary" onClick={runAudit} disabled={start.pending || !!running}>
            {running ? "Audit running…" : "Run audit"}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {running && (
          <ProgressBar label={`Audit run #${running.runId}: ${running.done} of ${running.total || "?"} repositories`}
            value={running.total ? running.done : undefined} max={running.total || 100} />
        )}
        {running && <p style={muted}>{running.done}/{running.total || "?"} repositories checked</p>}
      </div>
      <ActionError error={start.error && `The audit did not start: ${start.error}`} />
      <p style={muted}>
        Last run: <When iso={s.lastRun?.finishedAt ?? s.lastRun?.startedAt} />
        {current ? ` · ${current.repositories} repositories` : ""} · roots: {s.settings.roots.join(", ") || "none"}
        {s.settings.githubOwners.length > 0 ? ` · GitHub: ${s.settings.githubOwners.join(", ")}` : ""}
      </p>
      {current && (
        <div style={grid}>
          <Card title="Repositories by state">
            <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "0.35rem" }}>
              {STATES.map((state) => (
                <li key={state} style={row}>
                  <Link to={`${BASE}/repositories?state=${param(state)}`} data-state={state}
                    aria-label={`${current.byState?.[state] ?? 0} ${words(state)}: show them`}>
                    <StateBadge state={state} /> <strong>{current.byState?.[state] ?? 0}</strong>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Findings by severity">
            <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "0.35rem" }}>
              {SEVERITIES.map((sev) => (
                <li key={sev} style={row}>
                  <Link to={`${BASE}/repositories?severity=${param(sev)}`}><LevelBadge level={sev} /> <strong>{current.bySeverity?.[sev] ?? 0}</strong></Link>
                </li>
              ))}
            </ul>
            {current.sources?.length > 0 && (
              <p style={muted}>Sources: {current.sources.map((src) => `${src.label} (${src.state.toLowerCase()}${src.message ? `: ${src.message}` : ""})`).join(", ")}</p>
            )}
          </Card>
        </div>
      )}
      <Card title="At risk of losing work">
        {atRisk.data && atRisk.data.items.length === 0 ? (
          <p>Nothing here: all work is pushed somewhere.</p>
        ) : (
          <ul style={{ paddingLeft: "1.2rem", margin: 0 }}>
            {atRisk.data?.items.map((r) => (
              <li key={r.id} data-repo-id={r.id}>
                <Link to={`${BASE}/repositories/${r.id}`}>{r.name}</Link> <LevelBadge level={r.risk.level} />{" "}
                <span style={muted}>{r.risk.reasons[0]}{r.risk.reasons.length > 1 ? ` (+${r.risk.reasons.length - 1} more)` : ""}</span>
              </li>
            ))}
          </ul>
        )}
        {atRisk.data && atRisk.data.total > atRisk.data.items.length && (
          <p><Link to={`${BASE}/repositories?risk=high,medium`}>All {atRisk.data.total} at risk</Link></p>
        )}
      </Card>
      <Card title="Findings over time">
        {runs.data ? <TrendChart runs={runs.data.items} /> : <p className="ga-loading">Loading runs…</p>}
      </Card>
    </div>
  );
}
