import { useLiveResource } from "@gitops-auditor/sdk";
import { HealthBadge, muted, When } from "./common";
import "./events";
import type { Summary } from "./Overview";

/**
 * The audit's card on the home page: the fleet's health and how many repositories risk losing
 * work, kept current by the audit's channels (a run's end, a clone changing on disk).
 */
export function HealthCard() {
  const summary = useLiveResource<Summary, "audit.runs" | "audit.repositories">("/api/audit/summary", {
    channels: ["audit.runs", "audit.repositories"],
    apply: (current, event) => (event.data.type === "progress" ? current : undefined),
  });
  const s = summary.data;
  if (!s) return <p className="ga-loading">{summary.error ? summary.error.message : "Loading…"}</p>;
  const current = s.current;
  if (!current) return <p data-audit-health="none">No audit has finished yet.</p>;
  return (
    <div data-audit-health={current.health}>
      <p style={{ margin: 0, fontSize: "1.25rem" }}>
        <HealthBadge health={current.health} /> <strong data-audit-at-risk={current.atRisk}>{current.atRisk}</strong> of {current.repositories}{" "}
        {current.repositories === 1 ? "repository" : "repositories"} at risk of losing work
      </p>
      <p style={{ ...muted, margin: "0.5rem 0 0" }}>Last run: <When iso={s.lastRun?.finishedAt ?? s.lastRun?.startedAt} /></p>
    </div>
  );
}
