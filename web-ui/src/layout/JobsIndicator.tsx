import { useEffect, useState } from "react";
import { Link } from "react-router";
import { hub, isFinished, jobOf, ProgressBar, useResource, type Job, type ListPage } from "@gitops-auditor/sdk";

/** The running jobs after one `platform.jobs` event: a started or progressing job is put in (or updated), a finished one taken out. */
export function runningAfter(running: Job[], payload: unknown): Job[] {
  const job = jobOf(payload);
  if (!job) return running;
  const others = running.filter((candidate) => candidate.id !== job.id);
  return isFinished(job) ? others : [...others, job].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** "3 of 120", "3 of ?" or nothing, for the job's line. */
const counted = (job: Job) => (job.progress.total !== null ? `${job.progress.done} of ${job.progress.total}` : job.progress.done > 0 ? `${job.progress.done} done` : "");

/**
 * The top bar's jobs indicator: every job running on the server, from any plugin, with its
 * progress, live from `platform.jobs`. Shows nothing when no job runs, and nothing at all on a
 * server without the jobs API (its GET answers 404): then it does not subscribe either.
 */
export function JobsIndicator() {
  const list = useResource<ListPage<Job>>("/api/platform/jobs?state=running");
  const [running, setRunning] = useState<Job[]>([]);
  const available = list.data !== undefined;
  const { refresh } = list;

  useEffect(() => {
    if (list.data) setRunning(list.data.items.filter((job) => !isFinished(job)));
  }, [list.data]);

  useEffect(() => {
    if (!available) return;
    return hub.subscribe("platform.jobs", {
      onEvent: (event) => setRunning((current) => runningAfter(current, event.data)),
      onMissed: refresh,
    });
  }, [available, refresh]);

  if (!available || running.length === 0) return null;
  const label = running.length === 1 ? "1 job running" : `${running.length} jobs running`;
  return (
    <details className="ga-jobs">
      <summary aria-label={`${label}: show them`}>
        <span className="ga-jobs__spinner" aria-hidden="true" />
        {label}
      </summary>
      <ul className="ga-jobs__list" aria-label="Running jobs">
        {running.map((job) => (
          <li key={job.id} className="ga-jobs__job" data-job-id={job.id}>
            <strong>{job.subject}</strong> <span className="ga-jobs__kind">({job.kind})</span>
            <ProgressBar
              label={`${job.subject}: ${counted(job) || "running"}`}
              value={job.progress.total ? job.progress.done : undefined}
              max={job.progress.total || 100}
            />
            <small>
              {[counted(job), job.progress.message].filter(Boolean).join(" · ")}
              {job.link && (
                <>
                  {" "}
                  <Link to={job.link}>Open</Link>
                </>
              )}
            </small>
          </li>
        ))}
      </ul>
    </details>
  );
}
