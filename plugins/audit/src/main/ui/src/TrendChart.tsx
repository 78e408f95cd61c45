import { SEVERITIES, type RunSummary } from "./common";

const COLORS: Record<string, string> = { HIGH: "var(--ga-error)", MEDIUM: "var(--ga-warn)", LOW: "var(--ga-accent)", INFO: "var(--ga-muted)" };

/** Findings per severity across finished runs (oldest left), stacked areas, with a table for screen readers. */
export function TrendChart({ runs }: { runs: RunSummary[] }) {
  const points = runs.filter((r) => r.status === "finished").slice().reverse();
  if (points.length < 2) return <p>The trend appears after two finished runs.</p>;
  const W = 600, H = 180, L = 36, B = 24, T = 8, R = 8;
  const totals = points.map((r) => SEVERITIES.reduce((sum, s) => sum + (r.bySeverity?.[s] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const x = (i: number) => L + (i * (W - L - R)) / (points.length - 1);
  const y = (v: number) => H - B - (v * (H - B - T)) / max;
  const below = points.map(() => 0);
  const layers = [...SEVERITIES].reverse().map((s) => {
    const base = [...below];
    points.forEach((r, i) => (below[i] += r.bySeverity?.[s] ?? 0));
    const top = points.map((_, i) => `${x(i)},${y(below[i])}`);
    const bottom = points.map((_, i) => `${x(i)},${y(base[i])}`).reverse();
    return <polygon key={s} points={[...top, ...bottom].join(" ")} fill={COLORS[s]} fillOpacity={0.55} stroke={COLORS[s]} />;
  });
  const sameDay = new Date(points[0].startedAt).toDateString() === new Date(points[points.length - 1].startedAt).toDateString();
  const label = (r: RunSummary) => sameDay
    ? new Date(r.startedAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : new Date(r.startedAt).toLocaleDateString(undefined, { month: "short", day: "numeric" });
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="audit-trend-title audit-trend-desc" style={{ maxHeight: 220 }}>
        <title id="audit-trend-title">Findings by severity across the last {points.length} runs</title>
        <desc id="audit-trend-desc">Stacked areas: high, medium, low and info findings per run, oldest on the left. The table below has the numbers.</desc>
        <line x1={L} x2={W - R} y1={H - B} y2={H - B} stroke="var(--ga-border)" />
        <line x1={L} x2={L} y1={T} y2={H - B} stroke="var(--ga-border)" />
        {layers}
        <g fontSize="13" fill="var(--ga-muted)">
          <text x={L - 4} y={y(max) + 4} textAnchor="end">{max}</text>
          <text x={L - 4} y={H - B} textAnchor="end">0</text>
          <text x={L} y={H - 6}>{label(points[0])}</text>
          <text x={W - R} y={H - 6} textAnchor="end">{label(points[points.length - 1])}</text>
        </g>
      </svg>
      <figcaption style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem", fontSize: "0.85em" }}>
        {SEVERITIES.map((s) => (
          <span key={s}><span aria-hidden="true" style={{ color: COLORS[s] }}>■</span> {s.toLowerCase()}</span>
        ))}
      </figcaption>
      <details>
        <summary>Show the numbers</summary>
        <table className="ga-table">
          <caption>Findings by severity per run</caption>
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
