import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConnection } from "./connection";
import { useLiveResource } from "./live";
import { fakeChannels, flush, renderHook } from "./test-support";

interface Row { id: string; state: string }

describe("useLiveResource", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    resetConnection();
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("applies each event to the data it shows, without a fetch", async () => {
    const channels = fakeChannels();
    fetchMock.mockResolvedValueOnce(Response.json([{ id: "a", state: "CLEAN" }, { id: "b", state: "CLEAN" }]));
    const { seen, unmount } = renderHook(() =>
      useLiveResource<Row[], "x.rows">("/api/x/rows", {
        channels: "x.rows",
        apply: (rows, event) => {
          const changed = event.data as Row;
          return rows.map((row) => (row.id === changed.id ? changed : row));
        },
      }),
    );
    await flush();

    channels.emit("x.rows", { id: "b", state: "AT_RISK" });

    expect(seen.current?.data).toEqual([{ id: "a", state: "CLEAN" }, { id: "b", state: "AT_RISK" }]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    unmount();
    expect(channels.subscribed("x.rows")).toBe(0);
  });

  it("fetches again on an event it has no apply for, and after the server says events were missed", async () => {
    const channels = fakeChannels();
    fetchMock.mockResolvedValueOnce(Response.json({ n: 1 })).mockResolvedValueOnce(Response.json({ n: 2 })).mockResolvedValueOnce(Response.json({ n: 3 }));
    const { seen, unmount } = renderHook(() => useLiveResource<{ n: number }>("/api/x/count", { channels: ["x.a", "x.b"] }));
    await flush();
    expect(seen.current?.data).toEqual({ n: 1 });

    channels.emit("x.b", { type: "changed" });
    await flush();
    expect(seen.current?.data).toEqual({ n: 2 });

    channels.missed("x.a");
    await flush();
    expect(seen.current?.data).toEqual({ n: 3 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    unmount();
  });

  it("fetches again when apply returns undefined (an event it cannot patch in)", async () => {
    const channels = fakeChannels();
    fetchMock.mockResolvedValueOnce(Response.json([])).mockResolvedValueOnce(Response.json([{ id: "new", state: "CLEAN" }]));
    const { seen, unmount } = renderHook(() =>
      useLiveResource<Row[]>("/api/x/rows", { channels: "x.rows", apply: () => undefined }),
    );
    await flush();
    channels.emit("x.rows", { id: "new" });
    await flush();
    expect(seen.current?.data).toEqual([{ id: "new", state: "CLEAN" }]);
    unmount();
  });
});
