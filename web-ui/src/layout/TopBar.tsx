import { useEffect, useState } from "react";
import {
  StatusBadge, useConnection, useResource, type Caller, type ConnectionState, type Resource, type Tone,
} from "@gitops-auditor/sdk";
import { chooseTheme, storedTheme, systemTheme, type Theme } from "../theme";
import { JobsIndicator } from "./JobsIndicator";
import { SIDEBAR_ID } from "./Sidebar";

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  online: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

const HEALTH_EVERY_MS = 30_000;

/**
 * What the health badge says. Not simply the last answer: the health check answers DOWN with a 503, which
 * arrives as an error while the last good answer is kept, and an unreachable server has no health to show.
 */
export function healthBadge(
  health: Pick<Resource<{ status: string }>, "data" | "error">,
  connection: ConnectionState,
): { status: string; tone?: Tone } | undefined {
  if (connection === "offline") return { status: "UNKNOWN", tone: "warn" };
  if (health.error?.status === 503) return { status: "DOWN" };
  if (health.error) return { status: "UNKNOWN", tone: "warn" };
  return health.data ? { status: health.data.status } : undefined;
}

/** Menu button (narrow screens), product name, server health, live-connection status, running jobs, theme, user and logout. */
export function TopBar({
  caller,
  onLogout,
  drawerOpen,
  onToggleDrawer,
}: {
  caller: Caller;
  onLogout: () => void;
  drawerOpen: boolean;
  onToggleDrawer: () => void;
}) {
  const health = useResource<{ status: string }>("/api/platform/health");
  const connection = useConnection();
  const [theme, setTheme] = useState<Theme>(() => storedTheme() ?? systemTheme());

  // Health changes without any event (a database going down): poll it, gently.
  const { refresh } = health;
  useEffect(() => {
    const timer = setInterval(refresh, HEALTH_EVERY_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const nextTheme: Theme = theme === "dark" ? "light" : "dark";
  const badge = healthBadge(health, connection.state);
  return (
    <header className="ga-topbar">
      <button
        type="button"
        className="ga-menu-button"
        aria-expanded={drawerOpen}
        aria-controls={SIDEBAR_ID}
        aria-label={drawerOpen ? "Close navigation" : "Open navigation"}
        onClick={onToggleDrawer}
      >
        ☰
      </button>
      <span className="ga-brand">GitOps Auditor</span>
      <span className="ga-topbar__status">
        <span className="ga-visually-hidden">Server health: </span>
        {badge && <StatusBadge status={badge.status} tone={badge.tone} />}
        <span className={`ga-connection ga-connection--${connection.state}`} role="status">
          <span className="ga-connection__dot" aria-hidden="true" />
          {CONNECTION_TEXT[connection.state]}
        </span>
        <JobsIndicator />
      </span>
      <span className="ga-topbar__user">
        <button
          type="button"
          onClick={() => {
            chooseTheme(nextTheme);
            setTheme(nextTheme);
          }}
          aria-label={`Switch to the ${nextTheme} theme`}
          title={`Switch to the ${nextTheme} theme`}
        >
          {theme === "dark" ? "☀" : "☾"}
        </button>
        <span className="ga-user" title={`Logged in as ${caller.name}`}>
          {caller.name}
        </span>
        <button type="button" onClick={onLogout}>
          Log out
        </button>
      </span>
    </header>
  );
}
