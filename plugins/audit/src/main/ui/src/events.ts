import type { Report, RunProgress, RunSummary } from "./common";

/** The audit's channels and their payloads, so `useChannel("audit.runs", ...)` is typed without casts (docs/audit.md). */
export type AuditRunEvent =
  | { type: "started"; run: RunProgress }
  | { type: "progress"; run: RunProgress }
  | { type: "finished"; run: RunSummary }
  | { type: "failed"; runId: number; error: string };

export type RepositoryEvent = { type: "changed"; repository: Report };

declare module "@gitops-auditor/sdk" {
  interface ChannelEventMap {
    "audit.runs": AuditRunEvent;
    "audit.repositories": RepositoryEvent;
  }
}
