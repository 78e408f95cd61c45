import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api";
import { hub } from "./hub";
import { isFinished, jobOf, jobs, type Job } from "./jobs";
import { useMutation } from "./mutation";

/** A job this page started or follows: its latest state, and what can be done with it. */
export interface JobControl {
  /** The latest known state of the job; undefined before the first start (or follow). */
  job?: Job;
  /** True while the job is queued or running. */
  active: boolean;
  /** Starts the job (calls the `start` given to the hook), then follows it. Ignored while one is active. */
  start: () => Promise<Job | undefined>;
  /** True while the start request is on its way. */
  starting: boolean;
  /** Asks the server to cancel the job; the `job.finished` event then says `cancelled`. */
  cancel: () => Promise<void>;
  cancelling: boolean;
  /** The last start's or cancel's failure, in words for the user. */
  error?: string;
}

/** What a plugin's start endpoint answers: the job, or at least its id. */
export type StartedJob = Job | { jobId: string } | { id: string };

const idOf = (started: StartedJob): string => ("jobId" in started ? started.jobId : started.id);

/**
 * Starts a long task as a platform job and follows it from `platform.jobs`: progress, then the
 * outcome. `start` calls the plugin's own endpoint that creates the job; `follow` picks up a job
 * already running (its id, from a list say).
 *
 *   const audit = useJob(() => api.post<Job>("/api/audit/runs", { mode: "full" }));
 *   <button disabled={audit.active} onClick={() => audit.start()}>Run audit</button>
 *   {audit.job && <ProgressBar label={audit.job.progress.message ?? ""} value={audit.job.progress.done} ... />}
 *
 * Events can arrive before the start request is answered (a quick job ends first); they are kept
 * and applied once the job's id is known, so the page never shows a finished job as running.
 */
export function useJob(start: () => Promise<StartedJob>, options: { follow?: string } = {}): JobControl {
  const [job, setJob] = useState<Job | undefined>();
  const followed = useRef<string | undefined>(options.follow);
  // Jobs seen on the channel, by id, since the last start: the start's own job may be among them.
  const seen = useRef(new Map<string, Job>());

  const accept = useCallback((next: Job) => {
    setJob((current) => {
      if (current?.id !== next.id) return next;
      // A late progress event must not bring a finished job back.
      return isFinished(current) && !isFinished(next) ? current : next;
    });
  }, []);

  useEffect(
    () =>
      hub.subscribe("platform.jobs", {
        onEvent: (event) => {
          const next = jobOf(event.data);
          if (!next) return;
          if (next.id === followed.current) accept(next);
          else seen.current.set(next.id, next);
        },
        onMissed: () => {
          const id = followed.current;
          if (id) jobs.get(id).then(accept, () => undefined);
        },
      }),
    [accept],
  );

  useEffect(() => {
    if (!options.follow) return;
    followed.current = options.follow;
    jobs.get(options.follow).then(accept, () => undefined);
  }, [options.follow, accept]);

  const starter = useMutation(async () => {
    seen.current.clear();
    const started = await start();
    const id = idOf(started);
    followed.current = id;
    const early = seen.current.get(id);
    const first = early ?? ("state" in started ? started : await jobs.get(id));
    accept(first);
    if (early && "state" in started) accept(started);
    return first;
  });
  const canceller = useMutation(async () => {
    const id = followed.current;
    if (id === undefined) throw new ApiError(0, "There is no job to cancel.");
    const answer = await jobs.cancel(id);
    if (answer && jobOf(answer)) accept(answer);
  });

  const active = job !== undefined && !isFinished(job);
  return {
    job,
    active,
    start: async () => (active ? undefined : starter.run()),
    starting: starter.pending,
    cancel: async () => {
      await canceller.run();
    },
    cancelling: canceller.pending,
    error: canceller.error ?? starter.error,
  };
}
