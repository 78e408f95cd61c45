import { reportContact, reportUnreachable } from "./connection";

/**
 * The one fetch wrapper every page uses: same-origin cookie session, the session's CSRF token on
 * changes, problem+json errors turned into readable {@link ApiError}s, and a 401 turned into
 * "show the login page" for the shell.
 */

/** An RFC 9457 problem document as the server writes it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errorId?: string;
  [extension: string]: unknown;
}

/** A failed API call. `message` is what to show a user; `status` is 0 when the server was not reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem?: Problem;

  constructor(status: number, message: string, problem?: Problem) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

/** The caller, as setup, login and GET /api/platform/session return it. */
export interface Caller {
  name: string;
  scope: "READ" | "WRITE" | "ADMIN";
  via: "session" | "token";
  csrfToken?: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const unauthorizedListeners = new Set<() => void>();
let csrfToken: string | undefined;

/** Remembers the session's CSRF token (from login, setup or GET /api/platform/session). */
export function rememberCaller(caller: Caller | undefined): void {
  csrfToken = caller?.csrfToken;
}

/** The shell listens here to show the login page when the session has ended. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  csrfToken = undefined;
  unauthorizedListeners.forEach((listener) => listener());
}

export interface RequestOptions {
  /** Extra headers; Accept and, with a body, Content-Type are set already. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (!SAFE_METHODS.has(method)) {
    // A page loaded with an existing cookie has no token yet: the session call hands it over.
    if (csrfToken === undefined && path !== "/api/platform/login" && path !== "/api/platform/setup") {
      rememberCaller(await request<Caller>("GET", "/api/platform/session"));
    }
    if (csrfToken !== undefined) headers["X-CSRF-Token"] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    reportUnreachable();
    throw new ApiError(0, `The server did not answer ${method} ${path}; it may be down or unreachable.`);
  }
  reportContact();
  if (!response.ok) {
    const failure = await toApiError(response);
    // The login call's own 401 means "wrong password", not "session ended".
    if (response.status === 401 && path !== "/api/platform/login") notifyUnauthorized();
    throw failure;
  }
  if (response.status === 204 || response.headers.get("Content-Length") === "0") return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

/** Reads a failed response into an ApiError whose message is the problem's detail (or title). */
export async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const problem = (await response.json()) as Problem;
      const message = problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`;
      const withId = problem.errorId ? `${message} (error id ${problem.errorId})` : message;
      return new ApiError(response.status, withId, problem);
    } catch {
      // Not JSON after all: fall through to the status line.
    }
  }
  return new ApiError(response.status, `The server answered ${response.status} ${response.statusText}`.trim() + ".");
}

/** Calls to the server's REST API; paths are absolute, e.g. `/api/hello/greetings`. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("POST", path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PUT", path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PATCH", path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>("DELETE", path, undefined, options),
};
