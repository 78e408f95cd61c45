import { api } from "./api";
import type { ListPage } from "./list";

/**
 * The platform's jobs (docs/rest-api.md, "Jobs"): long tasks any plugin starts, with progress, a
 * cancel and an outcome. These types follow the wire format; the hooks and the shell's top bar
 * read them.
 */

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";

export interface JobProgress {
  done: number;
  /** Unknown until the job has counted its work. */
  total: number | null;
  message?: string | null;
}

export interface Job {
  id: string;
  plugin: string;
  kind: string;
  /** Jobs with the same key run one at a time. */
  key: string | null;
  /** What the job works on, in words: "All repositories". */
  subject: string;
  state: JobState;
  progress: JobProgress;
  startedAt: string;
  finishedAt: string | null;
  /** The result in words, once finished: "Audit #12: 3 at risk". */
  outcome: string | null;
  /** A dashboard path showing the result: "/p/audit/runs". */
  link: string | null;
  startedBy: string | null;
}

/** The states a job never leaves. */
export const FINISHED_STATES: ReadonlySet<JobState> = new Set(["succeeded", "failed", "cancelled", "interrupted"]);

export const isFinished = (job: Pick<Job, "state">) => FINISHED_STATES.has(job.state);

/** The job inside a `platform.jobs` event: the payload is the job itself, or (tolerated) wraps it in `job`. */
export function jobOf(payload: unknown): Job | undefined {
  if (payload === null || typeof payload !== "object") return undefined;
  const candidate = "job" in payload && typeof payload.job === "object" ? payload.job : payload;
  return candidate !== null && typeof (candidate as Job).id === "string" ? (candidate as Job) : undefined;
}

/** Calls to the jobs API. */
export const jobs = {
  running: () => api.get<ListPage<Job>>("/api/platform/jobs?state=running"),
  get: (id: string) => api.get<Job>(`/api/platform/jobs/${encodeURIComponent(id)}`),
  cancel: (id: string) => api.post<Job | undefined>(`/api/platform/jobs/${encodeURIComponent(id)}/cancel`),
};
