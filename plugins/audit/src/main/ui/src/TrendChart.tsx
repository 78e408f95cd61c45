import { useMemo } from "react";
import { Chart, themeColor, type ChartOption } from "@gitops-auditor/sdk";
import { SEVERITIES, type RunSummary } from "./common";

const COLORS: Record<string, string> = { HIGH: "--ga-error", MEDIUM: "--ga-warn", LOW: "--ga-accent", INFO: "--ga-muted" };

/** Findings per severity across finished runs (oldest left), stacked areas drawn by the SDK's chart, with a table for screen readers. */
export function TrendChart({ runs }: { runs: RunSummary[] }) {
  const points = useMemo(() => runs.filter((r) => r.status === "finished").slice().reverse(), [runs]);
  const option = useMemo<ChartOption>(() => {
    const sameDay = points.length > 0 && new Date(points[0].startedAt).toDateString() === new Date(points[points.length - 1].startedAt).toDateString();
    const label = (r: RunSummary) => sameDay
      ? new Date(r.startedAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
      : new Date(r.startedAt).toLocaleDateString(undefined, { month: "short", day: "numeric" });
    return {
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 40, right: 12, top: 12, bottom: 48 },
      xAxis: { type: "category", boundaryGap: false, data: points.map((r) => `#${r.id} ${label(r)}`) },
      yAxis: { type: "value", minInterval: 1 },
      series: [...SEVERITIES].reverse().map((s) => ({
        name: s.toLowerCase(),
        type: "line",
        stack: "findings",
        areaStyle: { opacity: 0.55 },
        symbol: "none",
        color: themeColor(COLORS[s]),
        data: points.map((r) => r.bySeverity?.[s] ?? 0),
      })),
    };
  }, [points]);
  if (points.length < 2) return <p>The trend appears after two finished runs.</p>;
  return (
    <figure style={{ margin: 0 }}>
      <Chart option={option} label={`Findings by severity across the last ${points.length} runs: stacked areas, oldest on the left. The table below has the numbers.`} />
      <details>
        <summary>Show the numbers</summary>
        <table className="ga-table">
          <caption className="ga-visually-hidden">Findings by severity per run</caption>
          <thead><tr><th scope="col">Run</th>{SEVERITIES.map((s) => <th key={s} scope="col" className="ga-end">{s.toLowerCase()}</th>)}</tr></thead>
          <tbody>
            {points.map((r) => (
              <tr key={r.id}><th scope="row">#{r.id} {new Date(r.startedAt).toLocaleString()}</th>
                {SEVERITIES.map((s) => <td key={s} className="ga-end">{r.bySeverity?.[s] ?? 0}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
