import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, rememberCaller } from "./api";
import { resetConnection } from "./connection";
import { useMutation } from "./mutation";
import { flush, problem, renderHook } from "./test-support";

describe("useMutation", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    resetConnection();
    rememberCaller({ name: "admin", scope: "ADMIN", via: "session", csrfToken: "t" });
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("is pending until the server answers, then holds the answer", async () => {
    let answer: (response: Response) => void = () => {};
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const { seen } = renderHook(() => useMutation((name: string) => api.post<{ id: number }>("/api/x/things", { name })));

    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = seen.current!.run("a");
    });
    expect(seen.current?.pending).toBe(true);

    answer(Response.json({ id: 7 }, { status: 201 }));
    await act(async () => {
      await expect(done).resolves.toEqual({ id: 7 });
    });
    expect(seen.current?.pending).toBe(false);
    expect(seen.current?.result).toEqual({ id: 7 });
    expect(seen.current?.error).toBeUndefined();
  });

  it("turns a problem+json answer into the message shown next to the action, with each field's error", async () => {
    fetchMock.mockResolvedValueOnce(
      problem(400, { title: "Invalid settings", detail: "2 settings are invalid", errors: [{ field: "folders", message: "/nope does not exist" }] }),
    );
    const { seen } = renderHook(() => useMutation(() => api.put("/api/platform/settings/audit", { folders: ["/nope"] })));

    await act(async () => {
      await expect(seen.current!.run()).resolves.toBeUndefined();
    });

    expect(seen.current?.error).toBe("2 settings are invalid");
    expect(seen.current?.fieldErrors).toEqual([{ field: "folders", message: "/nope does not exist" }]);
    expect(seen.current?.failure?.status).toBe(400);
    act(() => seen.current!.reset());
    expect(seen.current?.error).toBeUndefined();
  });

  it("runs a double click once", async () => {
    fetchMock.mockResolvedValue(Response.json({}));
    const { seen } = renderHook(() => useMutation(() => api.post("/api/x/runs")));
    await act(async () => {
      await Promise.all([seen.current!.run(), seen.current!.run()]);
    });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
