import { useCallback, useEffect, useState } from "react";
import { api, ApiError, hub, onUnauthorized, rememberCaller, type Caller } from "@gitops-auditor/sdk";

/**
 * Which screen the dashboard is on: the first-run setup, the login, the dashboard itself (with
 * the caller), or "the server does not answer". Decided by GET /api/platform/session, and on a
 * 401 by GET /api/platform/setup.
 */
export type Session =
  | { kind: "checking" }
  | { kind: "setup" }
  | { kind: "login"; notice?: string }
  | { kind: "ready"; caller: Caller }
  | { kind: "unreachable"; message: string };

export function useSession() {
  const [session, setSession] = useState<Session>({ kind: "checking" });

  const check = useCallback(async () => {
    setSession({ kind: "checking" });
    try {
      const caller = await api.get<Caller>("/api/platform/session");
      rememberCaller(caller);
      setSession({ kind: "ready", caller });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) {
        setSession({ kind: "unreachable", message: error instanceof Error ? error.message : String(error) });
        return;
      }
      try {
        const setup = await api.get<{ required: boolean }>("/api/platform/setup");
        setSession(setup.required ? { kind: "setup" } : { kind: "login" });
      } catch (setupError) {
        // 404: setup is done, the route is gone.
        if (setupError instanceof ApiError && setupError.status === 404) setSession({ kind: "login" });
        else setSession({ kind: "unreachable", message: setupError instanceof Error ? setupError.message : String(setupError) });
      }
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  // A 401 anywhere (an API call, the WebSocket closing with 1008) means the session ended.
  useEffect(
    () =>
      onUnauthorized(() =>
        setSession((current) => (current.kind === "ready" ? { kind: "login", notice: "Your session has ended; log in again." } : current)),
      ),
    [],
  );

  // The live connection exists exactly while logged in.
  const loggedIn = session.kind === "ready";
  useEffect(() => {
    if (!loggedIn) return;
    hub.start();
    return () => hub.stop();
  }, [loggedIn]);

  const loggedInAs = useCallback((caller: Caller) => {
    rememberCaller(caller);
    setSession({ kind: "ready", caller });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post("/api/platform/logout");
    } finally {
      rememberCaller(undefined);
      setSession({ kind: "login", notice: "You are logged out." });
    }
  }, []);

  return { session, retry: check, loggedInAs, logout };
}
