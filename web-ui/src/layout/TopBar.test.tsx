import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// The same module the shell's "@gitops-auditor/sdk" resolves to (the workspace links it), so one store.
import { reportContact, reportUnreachable, resetConnection } from "../../sdk/src/connection";
import { TopBar } from "./TopBar";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const flush = () => act(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
});

const health = (status: "UP" | "DOWN") =>
  Response.json({ status, database: status, uptime: "PT1M", plugins: { STARTED: 1 } }, { status: status === "UP" ? 200 : 503 });

describe("TopBar", () => {
  const fetchMock = vi.fn<typeof fetch>();
  let root: Root | undefined;
  let container: HTMLElement;
  beforeEach(() => {
    resetConnection();
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
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
      root.render(<TopBar caller={{ name: "admin", scope: "ADMIN", via: "session" }} onLogout={() => {}} drawerOpen={false} onToggleDrawer={() => {}} />);
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
});
