import { useEffect, useRef, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { api, ApiError, Card, ProgressBar, SchemaForm, useChannel, useResource } from "@gitops-auditor/sdk";
import { saveSettings, SETTINGS_PATH, type SettingsAnswer, type SettingsGroup } from "../settings/settingsApi";
import { pick, setupState } from "./setupState";

/** What the get-started card needs of the audit's summary (GET /api/audit/summary). */
interface AuditSummary {
  running?: { runId: number; done: number; total: number };
  lastRun?: { id: number; status: string; finishedAt?: string; repositories: number; atRisk: number; sources?: unknown[] };
}

/**
 * The get-started card: a new admin's three steps after first-run setup, in the dashboard and with
 * no configuration file: the folders holding their clones, GitHub (optional), and the first audit,
 * whose progress it shows until its results. Each step says whether it is done. Self-contained,
 * so that the home page places it with one line; it renders nothing for a caller who may not
 * change settings, without the audit plugin, or where folders or owners were set before it was shown.
 */
export function GetStarted() {
  const settings = useResource<SettingsAnswer>(SETTINGS_PATH);
  const summary = useResource<AuditSummary>("/api/audit/summary");
  const [groups, setGroups] = useState<SettingsGroup[]>();
  const [progress, setProgress] = useState<AuditSummary["running"]>();
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string>();
  // Set up before the card was first shown (in the dashboard earlier, or by the file or the environment): no card.
  const completeAtFirstLook = useRef<boolean>(undefined);
  useEffect(() => setGroups(settings.data?.groups), [settings.data]);

  useChannel("audit.runs", (event) => {
    const data = event.data as { type?: string; run?: { runId: number; done: number; total: number } };
    if (data.type === "started" || data.type === "progress") setProgress(data.run);
    else {
      setProgress(undefined);
      summary.refresh();
    }
  }, () => summary.refresh());

  if (!groups || !summary.data) return null;
  const state = setupState(groups);
  if (!state.audit || !state.foldersKey) return null;
  // A run with no folder or owner to read (the one at start-up of a new installation) is not the first audit.
  const lastRun = summary.data.lastRun;
  const firstAuditDone = lastRun?.finishedAt !== undefined && ((lastRun.sources?.length ?? 0) > 0 || lastRun.repositories > 0);
  completeAtFirstLook.current ??= state.foldersDone || state.githubDone;
  if (completeAtFirstLook.current) return null;

  const running = progress ?? summary.data.running;
  const update = (saved: SettingsGroup) => {
    setGroups((current) => current?.map((group) => (group.plugin === saved.plugin && group.title === saved.title ? saved : group)));
    // The audit starts a run by itself when its folders or owners change: its progress arrives on the channel.
    summary.refresh();
  };
  const save = (group: SettingsGroup) => async (changes: Record<string, unknown>) => update(await saveSettings(group, changes));

  async function startAudit() {
    setProblem(undefined);
    setStarting(true);
    try {
      const run = await api.post<{ runId: number }>("/api/audit/runs", { mode: "full" });
      setProgress((current) => current ?? { runId: run.runId, done: 0, total: 0 });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setStarting(false);
    }
  }

  const audit = state.audit;
  const current = !state.foldersDone ? 1 : !firstAuditDone ? 3 : 0;
  return (
    <Card title="Get started">
      <ol className="ga-steps" aria-label="Get started steps">
        <Step number={1} title="Add the folders holding your git clones" done={state.foldersDone} current={current === 1}>
          <p className="ga-field__help">The audit looks for repositories in these folders on the server's machine.</p>
          <SchemaForm idPrefix="get-started-folders" {...pick(audit, [state.foldersKey])} onSubmit={save(audit)} submitLabel="Save the folders" />
        </Step>
        <Step number={2} title="Connect GitHub (optional)" done={state.githubDone}>
          <p className="ga-field__help">
            With the GitHub accounts your repositories belong to, the audit also finds the ones you have not cloned. A token
            is needed for private repositories and higher rate limits.
          </p>
          {state.ownersKey && (
            <SchemaForm idPrefix="get-started-owners" {...pick(audit, [state.ownersKey])} onSubmit={save(audit)} submitLabel="Save the owners" />
          )}
          {state.github && state.tokenKey && (
            <SchemaForm idPrefix="get-started-token" {...pick(state.github, [state.tokenKey])} onSubmit={save(state.github)} submitLabel="Save the token" />
          )}
        </Step>
        <Step number={3} title="Run the first audit" done={firstAuditDone} current={current === 3}>
          <div aria-live="polite">
            {running ? (
              <ProgressBar label={`First audit: ${running.done} of ${running.total || "?"} repositories checked`}
                value={running.total ? running.done : undefined} max={running.total || 100} />
            ) : firstAuditDone ? (
              <p>
                Done: {summary.data.lastRun!.repositories} repositories checked, {summary.data.lastRun!.atRisk} at risk.{" "}
                <Link to="/p/audit/repositories">See the results</Link>
              </p>
            ) : (
              <>
                <p className="ga-field__help">It starts by itself when you save the folders; or start it here.</p>
                <button type="button" className="ga-button--primary" onClick={() => void startAudit()}
                  disabled={starting || !(state.foldersDone || state.githubDone)}>
                  Start the first audit
                </button>
              </>
            )}
            {running && <p className="ga-field__help">{running.done}/{running.total || "?"} repositories checked</p>}
          </div>
          {problem && <p className="ga-form-error" role="alert">{problem}</p>}
        </Step>
      </ol>
    </Card>
  );
}

function Step({ number, title, done, current = false, children }: { number: number; title: string; done: boolean; current?: boolean; children: ReactNode }) {
  return (
    <li className={`ga-step${done ? " ga-step--done" : current ? " ga-step--current" : ""}`} data-step={number} data-done={done}>
      <h3 className="ga-step__title">
        <span>{number}. {title}</span>
        <span className={`ga-badge ga-badge--${done ? "ok" : "neutral"}`}>{done ? "done" : "not done"}</span>
      </h3>
      {children}
    </li>
  );
}
