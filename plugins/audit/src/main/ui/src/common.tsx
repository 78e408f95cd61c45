import { useEffect, useState, type CSSProperties } from "react";
import { StatusBadge } from "@gitops-auditor/sdk";
import type { Tone } from "@gitops-auditor/sdk";

export const BASE = "/p/audit";
export const STATES = ["BROKEN", "MISSING", "AT_RISK", "DRIFTED", "LOCAL_ONLY", "UNKNOWN", "CLEAN"] as const;
export const SEVERITIES = ["HIGH", "MEDIUM", "LOW", "INFO"] as const;

export type Counts = Record<string, number>;
export interface Source { id: string; kind: string; label: string; state: string; repositories: number; message?: string }
export interface RunSummary {
  id: number; trigger: string; mode: string; status: string; startedAt: string; finishedAt?: string;
  repositories: number; health: string; byState: Counts; bySeverity: Counts; byRisk: Counts; atRisk: number;
  sources: Source[]; error?: string;
}
export interface RunProgress { runId: number; trigger: string; mode: string; startedAt: string; done: number; total: number }
export interface Finding { type: string; severity: string; message: string; fix?: string }
export interface Branch { name: string; upstream?: string; ahead: number; behind: number; upstreamGone: boolean; onRemote: boolean }
export interface Report {
  id: string; key: string; name: string; state: string; severity: string;
  risk: { level: string; reasons: string[] }; findings: Finding[];
  local?: {
    path: string; kind: string; problem?: string; hasCommits: boolean; headBranch?: string; headCommit?: string; detached: boolean;
    staged: number; unstaged: number; untracked: number; conflicted: number; stashes: number; branches: Branch[];
    remotes: Record<string, string>; remoteHead?: string; lastCommitAt?: string;
  };
  hosted?: Record<string, unknown>; sourceIds: string[];
}

/** "AT_RISK" → "at-risk", as the query parameters spell it. */
export const param = (value: string) => value.toLowerCase().replace(/_/g, "-");
/** "AT_RISK" → "at risk". */
export const words = (value: string) => value.toLowerCase().replace(/[_-]/g, " ");

const STATE_TONES: Record<string, Tone> = {
  BROKEN: "error", MISSING: "warn", AT_RISK: "error", DRIFTED: "warn", LOCAL_ONLY: "info", UNKNOWN: "neutral", CLEAN: "ok",
};
const LEVEL_TONES: Record<string, Tone> = { HIGH: "error", MEDIUM: "warn", LOW: "info", INFO: "neutral", NONE: "ok" };
const HEALTH_TONES: Record<string, Tone> = { ok: "ok", attention: "warn", critical: "error" };

export const StateBadge = ({ state }: { state: string }) => <StatusBadge status={words(state)} tone={STATE_TONES[state] ?? "neutral"} />;
export const LevelBadge = ({ level }: { level: string }) => <StatusBadge status={words(level)} tone={LEVEL_TONES[level] ?? "neutral"} />;
export const HealthBadge = ({ health }: { health: string }) => <StatusBadge status={health} tone={HEALTH_TONES[health] ?? "neutral"} />;

export function when(iso?: string | null): string {
  if (!iso) return "never";
  const date = new Date(iso);
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const ago = seconds < 60 ? `${Math.max(seconds, 0)} s ago` : seconds < 3600 ? `${Math.round(seconds / 60)} min ago`
    : seconds < 86400 ? `${Math.round(seconds / 3600)} h ago` : `${Math.round(seconds / 86400)} d ago`;
  return `${date.toLocaleString()} (${ago})`;
}

/**
 * when(iso), kept current: "(12 s ago)" would otherwise stay as it was rendered, while the page waits for
 * news (no event for a while, or the server away and the page showing its last data).
 */
export function When({ iso }: { iso?: string | null }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, [iso]);
  return <>{when(iso)}</>;
}

export const row: CSSProperties = { display: "flex", flexWrap: "wrap", gap: "0.75rem", alignItems: "center" };
// One column no wider than the page: without minmax(0, …) the column grows to its widest content (a fix's
// long git command in a <pre>), and the whole page scrolls sideways on a phone instead of the <pre> alone.
export const stack: CSSProperties = { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: "1rem", minWidth: 0 };
export const grid: CSSProperties = { display: "grid", gap: "1rem", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 18rem), 1fr))" };
export const muted: CSSProperties = { color: "var(--ga-muted)" };
export const pre: CSSProperties = { overflowX: "auto", whiteSpace: "pre", padding: "0.5rem", border: "1px solid var(--ga-border)", margin: "0.5rem 0" };
