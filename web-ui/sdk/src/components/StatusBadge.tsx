export type Tone = "ok" | "warn" | "error" | "info" | "neutral";

/** Known states of the platform and its plugins, mapped to a colour; anything else is neutral. */
const TONES: Record<string, Tone> = {
  UP: "ok", STARTED: "ok", PASSED: "ok", OK: "ok", SUCCESS: "ok",
  DOWN: "error", FAILED: "error", ERROR: "error",
  WARN: "warn", WARNING: "warn", DRIFT: "warn", DISABLED: "neutral", STOPPED: "neutral",
  RUNNING: "info", PENDING: "info", REGISTERED: "info", DISCOVERED: "info",
};

/** A status as text plus colour (never colour alone). */
export function StatusBadge({ status, tone }: { status: string; tone?: Tone }) {
  const chosen = tone ?? TONES[status.toUpperCase()] ?? "neutral";
  return <span className={`ga-badge ga-badge--${chosen}`}>{status}</span>;
}
