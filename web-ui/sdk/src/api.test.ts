import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, onUnauthorized, rememberCaller } from "./api";
import { connectionStatus, resetConnection } from "./connection";

function json(status: number, body: unknown, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

describe("api", () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    rememberCaller(undefined);
    resetConnection();
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const headersOf = (call: number) => fetchMock.mock.calls[call][1]!.headers as Record<string, string>;

  it("sends the session's CSRF token on changes, fetching it first when the page has none", async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, { name: "admin", scope: "ADMIN", via: "session", csrfToken: "tok-1" }))
      .mockResolvedValueOnce(json(201, { id: 7 }));

    await expect(api.post("/api/hello/greetings", { name: "x" })).resolves.toEqual({ id: 7 });

    expect(fetchMock.mock.calls[0][0]).toBe("/api/platform/session");
    expect(fetchMock.mock.calls[1][0]).toBe("/api/hello/greetings");
    expect(headersOf(1)["X-CSRF-Token"]).toBe("tok-1");
    expect(fetchMock.mock.calls[1][1]!.body).toBe('{"name":"x"}');
  });

  it("sends no CSRF token on reads", async () => {
    rememberCaller({ name: "admin", scope: "ADMIN", via: "session", csrfToken: "tok-2" });
    fetchMock.mockResolvedValueOnce(json(200, []));

    await api.get("/api/hello/greetings");

    expect(headersOf(0)["X-CSRF-Token"]).toBeUndefined();
    expect(fetchMock.mock.calls[0][1]!.credentials).toBe("same-origin");
  });

  it("turns a problem document into an ApiError whose message is its detail", async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, { type: "about:blank", title: "Invalid input", status: 400, detail: "limit must be between 1 and 500, got 0" }, "application/problem+json"),
    );

    const error = await api.get("/api/hello/greetings?limit=0").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe("limit must be between 1 and 500, got 0");
    expect((error as ApiError).problem?.title).toBe("Invalid input");
  });

  it("falls back to the problem's title, and quotes a server error's id", async () => {
    fetchMock
      .mockResolvedValueOnce(json(409, { title: "Conflict", status: 409 }, "application/problem+json"))
      .mockResolvedValueOnce(json(500, { title: "Internal Server Error", detail: "Something went wrong.", errorId: "ab12" }, "application/problem+json"));

    await expect(api.get("/a")).rejects.toThrow("Conflict");
    await expect(api.get("/b")).rejects.toThrow("Something went wrong. (error id ab12)");
  });

  it("tells the shell to show the login page on a 401, but not for a wrong password", async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    fetchMock
      .mockResolvedValueOnce(json(401, { title: "Unauthorized", detail: "Wrong user name or password." }, "application/problem+json"))
      .mockResolvedValueOnce(json(401, { title: "Unauthorized", detail: "Log in." }, "application/problem+json"));

    await expect(api.post("/api/platform/login", { username: "a", password: "b" })).rejects.toThrow("Wrong user name or password.");
    expect(listener).not.toHaveBeenCalled();

    await expect(api.get("/api/hello/greetings")).rejects.toMatchObject({ status: 401 });
    expect(listener).toHaveBeenCalledOnce();
    stop();
  });

  it("reports the server unreachable when fetch itself fails, and reachable again on the next answer", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValueOnce(json(200, {}));

    await expect(api.get("/api/platform/health")).rejects.toMatchObject({ status: 0 });
    expect(connectionStatus().state).toBe("offline");
    expect(connectionStatus().unreachableSince).toBeInstanceOf(Date);

    await api.get("/api/platform/health");
    expect(connectionStatus().state).toBe("online");
  });
});
