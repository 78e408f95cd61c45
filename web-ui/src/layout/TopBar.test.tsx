import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// The same module the shell's "@gitops-auditor/sdk" resolves to (the workspace links it), so one store.
import { reportContact, reportUnreachable, resetConnection } from "../../sdk/src/connection";
import { MemoryRouter } from "react-router";
import { hub } from "../../sdk/src/hub";
import { TopBar } from "./TopBar";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const flush = () => act(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
});

const health = (status: "UP" | "DOWN") =>
  Response.json({ status, database: status, uptime: "PT1M", plugins: { STARTED: 1 } }, { status: status === "UP" ? 200 : 503 });

describe("TopBar", () => {
  // The health check's answers, in order; the jobs list answers as the test says (404: no jobs API).
  const fetchMock = vi.fn<typeof fetch>();
  const jobsMock = vi.fn<() => Response>();
  const route: typeof fetch = async (input, init) =>
    String(input).startsWith("/api/platform/jobs") ? jobsMock() : fetchMock(input, init);
  let root: Root | undefined;
  let container: HTMLElement;
  beforeEach(() => {
    resetConnection();
    fetchMock.mockReset();
    jobsMock.mockReset();
    jobsMock.mockImplementation(() => Response.json({ title: "Not Found", status: 404 }, { status: 404 }));
    vi.stubGlobal("fetch", route);
    container = document.createElement("div");
  });
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    vi.unstubAllGlobals();
  });

  function render() {
    act(() => {
      root = createRoot(container);
      root.render(
        <MemoryRouter>
          <TopBar caller={{ name: "admin", scope: "ADMIN", via: "session" }} onLogout={() => {}} drawerOpen={false} onToggleDrawer={() => {}} />
        </MemoryRouter>,
      );
    });
  }
  const badge = () => container.querySelector(".ga-topbar__status .ga-badge")?.textContent;
  const live = () => container.querySelector(".ga-connection")?.textContent;

  it("shows the server's health, and DOWN when the health check answers 503", async () => {
    fetchMock.mockResolvedValueOnce(health("DOWN"));
    render();
    await flush();
    expect(badge()).toBe("DOWN");
  });

  it("does not keep saying UP while the server is unreachable, nor once it answers DOWN", async () => {
    fetchMock.mockResolvedValueOnce(health("UP"));
    render();
    await flush();
    expect(badge()).toBe("UP");
    expect(live()).toBe("Live");

    act(() => reportUnreachable());
    expect(live()).toBe("Offline");
    expect(badge()).toBe("UNKNOWN");

    // Back, but its database is not: the refetch that follows the reconnect answers 503.
    fetchMock.mockResolvedValueOnce(health("DOWN"));
    act(() => reportContact());
    await flush();
    expect(live()).toBe("Live");
    expect(badge()).toBe("DOWN");
    expect(fetchMock).toHaveBeenCalledTimes(2);

    fetchMock.mockResolvedValueOnce(health("UP"));
    act(() => reportUnreachable());
    act(() => reportContact());
    await flush();
    expect(badge()).toBe("UP");
  });

  const job = (id: string, state: string, done: number) => ({
    id, plugin: "audit", kind: "audit.run", key: "audit.run", subject: `Audit ${id}`, state,
    progress: { done, total: 10, message: `Checking o/r${done}` }, startedAt: `2026-12-04T18:0${id}:00Z`,
    finishedAt: null, outcome: null, link: "/p/audit/runs", startedBy: "admin",
  });
  const jobLines = () => [...container.querySelectorAll(".ga-jobs__job")].map((li) => li.getAttribute("data-job-id"));

  it("shows every running job with its progress, live from platform.jobs, and drops each as it finishes", async () => {
    const listeners: Array<Parameters<typeof hub.subscribe>[1]> = [];
    vi.spyOn(hub, "subscribe").mockImplementation((channel, listener) => {
      if (channel === "platform.jobs") listeners.push(listener);
      return () => {};
    });
    jobsMock.mockImplementation(() => Response.json({ items: [job("1", "running", 3)], total: 1, offset: 0, limit: 50 }));
    fetchMock.mockResolvedValue(health("UP"));
    render();
    await flush();
    expect(container.querySelector(".ga-jobs summary")?.textContent).toBe("1 job running");
    expect(container.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow")).toBe("3");

    const send = (data: unknown) => act(() => listeners.forEach((l) => l.onEvent({ channel: "platform.jobs", seq: 1, time: "", data })));
    send({ ...job("2", "running", 0), type: "job.started" });
    send({ ...job("1", "running", 7), type: "job.progress" });
    expect(jobLines()).toEqual(["1", "2"]);
    expect(container.querySelector("[data-job-id='1'] [role=progressbar]")?.getAttribute("aria-valuenow")).toBe("7");
    expect(container.querySelector(".ga-jobs summary")?.textContent).toBe("2 jobs running");

    send({ ...job("1", "succeeded", 10), type: "job.finished" });
    send({ ...job("2", "cancelled", 2), type: "job.finished" });
    expect(container.querySelector(".ga-jobs")).toBeNull();
  });

  it("shows nothing, and does not subscribe, when the server has no jobs API", async () => {
    const subscribe = vi.spyOn(hub, "subscribe");
    fetchMock.mockResolvedValue(health("UP"));
    render();
    await flush();
    expect(jobsMock).toHaveBeenCalledOnce();
    expect(container.querySelector(".ga-jobs")).toBeNull();
    expect(subscribe).not.toHaveBeenCalledWith("platform.jobs", expect.anything());
    expect(container.querySelector("[role=alert]")).toBeNull();
  });
});
