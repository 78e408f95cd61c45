import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reportContact, reportUnreachable, resetConnection } from "./connection";
import { useResource, type Resource } from "./hooks";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders useResource(path) and exposes its latest result. */
function renderResource(path: string) {
  const seen: { current?: Resource<unknown> } = {};
  function Probe() {
    seen.current = useResource(path);
    return null;
  }
  const container = document.createElement("div");
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(<Probe />);
  });
  return { seen, unmount: () => act(() => root.unmount()) };
}

const flush = () => act(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
});

describe("useResource", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    resetConnection();
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("keeps the last data and its age while the server is unreachable, and refetches once it is back", async () => {
    fetchMock.mockResolvedValueOnce(Response.json([{ id: 1 }]));
    const { seen, unmount } = renderResource("/api/hello/greetings");
    await flush();
    expect(seen.current?.data).toEqual([{ id: 1 }]);
    const fetchedAt = seen.current?.fetchedAt;
    expect(fetchedAt).toBeInstanceOf(Date);

    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    act(() => seen.current!.refresh());
    await flush();
    expect(seen.current?.data).toEqual([{ id: 1 }]);
    expect(seen.current?.error?.status).toBe(0);
    expect(seen.current?.fetchedAt).toBe(fetchedAt);

    fetchMock.mockResolvedValueOnce(Response.json([{ id: 1 }, { id: 2 }]));
    act(() => reportContact()); // e.g. the WebSocket reconnected
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(seen.current?.data).toEqual([{ id: 1 }, { id: 2 }]);
    expect(seen.current?.error).toBeUndefined();
    unmount();
  });

  it("does not refetch while the connection stays offline", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ ok: true }));
    const { unmount } = renderResource("/api/x");
    await flush();
    act(() => reportUnreachable());
    act(() => reportUnreachable());
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    unmount();
  });
});
