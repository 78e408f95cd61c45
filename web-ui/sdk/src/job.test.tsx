import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, rememberCaller } from "./api";
import { resetConnection } from "./connection";
import { useJob } from "./job";
import type { Job } from "./jobs";
import { fakeChannels, flush, problem, renderHook } from "./test-support";

const job = (state: Job["state"], done = 0, extra: Partial<Job> = {}): Job => ({
  id: "j1", plugin: "audit", kind: "audit.run", key: "audit.run", subject: "All repositories", state,
  progress: { done, total: 4, message: null }, startedAt: "2026-12-04T18:00:00Z", finishedAt: null,
  outcome: null, link: null, startedBy: "admin", ...extra,
});

describe("useJob", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    resetConnection();
    rememberCaller({ name: "admin", scope: "ADMIN", via: "session", csrfToken: "t" });
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("starts a job, follows its progress on platform.jobs, and keeps its outcome", async () => {
    const channels = fakeChannels();
    fetchMock.mockResolvedValueOnce(Response.json(job("queued"), { status: 202 }));
    const { seen } = renderHook(() => useJob(() => api.post<Job>("/api/audit/runs", { mode: "full" })));

    await act(async () => {
      await seen.current!.start();
    });
    expect(seen.current?.active).toBe(true);

    channels.emit("platform.jobs", { ...job("running", 2), type: "job.progress" });
    channels.emit("platform.jobs", { ...job("running", 1), id: "other", type: "job.progress" });
    expect(seen.current?.job?.progress.done).toBe(2);

    channels.emit("platform.jobs", { ...job("succeeded", 4, { outcome: "Audit #12: 3 at risk" }), type: "job.finished" });
    expect(seen.current?.active).toBe(false);
    expect(seen.current?.job?.outcome).toBe("Audit #12: 3 at risk");
  });

  it("does not show a quick job as running when its end arrives before the start is answered", async () => {
    const channels = fakeChannels();
    let answer: (response: Response) => void = () => {};
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const { seen } = renderHook(() => useJob(() => api.post<Job>("/api/audit/runs")));

    let started: Promise<unknown> = Promise.resolve();
    act(() => {
      started = seen.current!.start();
    });
    await flush();
    channels.emit("platform.jobs", { ...job("succeeded", 4, { outcome: "done" }), type: "job.finished" });
    answer(Response.json(job("queued"), { status: 202 }));
    await act(async () => {
      await started;
    });

    expect(seen.current?.job?.state).toBe("succeeded");
    expect(seen.current?.active).toBe(false);
  });

  it("cancels through the jobs API, and says why when the server refuses", async () => {
    const channels = fakeChannels();
    fetchMock
      .mockResolvedValueOnce(Response.json(job("running", 1)))
      .mockResolvedValueOnce(problem(409, { title: "Conflict", detail: "job j1 has already finished" }));
    const { seen } = renderHook(() => useJob(() => api.post<Job>("/api/audit/runs")));
    await act(async () => {
      await seen.current!.start();
    });

    await act(async () => {
      await seen.current!.cancel();
    });

    expect(fetchMock.mock.calls[1][0]).toBe("/api/platform/jobs/j1/cancel");
    expect(fetchMock.mock.calls[1][1]!.method).toBe("POST");
    expect(seen.current?.error).toBe("job j1 has already finished");
    expect(channels.subscribed("platform.jobs")).toBe(1);
  });
});
