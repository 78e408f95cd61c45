import type { Job } from "./jobs";

/**
 * The payload type of each known channel, so `useChannel("platform.jobs", (event) => ...)` gives a
 * typed `event.data` with no cast. A bundle adds its own channels by augmenting this interface:
 *
 *   declare module "@gitops-auditor/sdk" {
 *     interface ChannelEventMap { "audit.runs": AuditRunEvent }
 *   }
 *
 * Payloads carry their kind in `type` (docs/websocket.md), so a union of `{type: "..."}` shapes
 * narrows with a plain `switch (event.data.type)`.
 */
export interface ChannelEventMap {
  "platform.jobs": JobEvent;
}

/** The payload type of `channel`: its entry in {@link ChannelEventMap}, or `unknown` for channels nobody declared. */
export type ChannelPayload<C extends string> = C extends keyof ChannelEventMap ? ChannelEventMap[C] : unknown;

/** An event on `platform.jobs`: the job as GET /api/platform/jobs/{id} has it, with the event's kind. */
export type JobEvent = Job & { type: "job.started" | "job.progress" | "job.finished" };
