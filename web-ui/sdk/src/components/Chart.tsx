import { useEffect, useRef, useState } from "react";
import type { EChartsCoreOption } from "echarts/core";

/** An ECharts option (https://echarts.apache.org/en/option.html) for the series the dashboard offers: line, bar, gauge, heatmap. */
export type ChartOption = EChartsCoreOption;

type Runtime = typeof import("../charts/echarts-runtime");
let runtime: Promise<Runtime> | undefined;
/** The library, fetched once for the whole page on the first chart. */
const loadRuntime = () => (runtime ??= import("../charts/echarts-runtime"));

/** A theme colour of the shell (`"--ga-error"`) as the chart library needs it: resolved, not a `var()`. */
export function themeColor(variable: string, fallback = "#888"): string {
  if (typeof document === "undefined") return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}

/** The shell's colours for text, axes and grid lines, under the caller's option. */
function themed(option: ChartOption): ChartOption {
  const text = themeColor("--ga-text", "#222");
  const muted = themeColor("--ga-muted", "#666");
  const border = themeColor("--ga-border", "#ccc");
  const axis = { axisLine: { lineStyle: { color: border } }, axisLabel: { color: muted }, splitLine: { lineStyle: { color: border } } };
  return {
    backgroundColor: "transparent",
    textStyle: { color: text, fontFamily: "inherit" },
    ...option,
    legend: merge({ textStyle: { color: text } }, option.legend),
    xAxis: merge(axis, option.xAxis),
    yAxis: merge(axis, option.yAxis),
  };
}

/** Calls `changed` when the shell's theme changes: the user's choice (`data-theme`) or the system's. */
function onThemeChange(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  const system = window.matchMedia?.("(prefers-color-scheme: dark)");
  system?.addEventListener("change", changed);
  return () => {
    observer.disconnect();
    system?.removeEventListener("change", changed);
  };
}

const merge = (base: object, value: unknown) =>
  value === undefined ? undefined : Array.isArray(value) ? value.map((v) => ({ ...base, ...v })) : { ...base, ...(value as object) };

/**
 * A chart, drawn by ECharts (SVG) once its code has loaded. The library is fetched on the first
 * chart a page shows, not with the dashboard. `label` is the chart's accessible name; give the
 * numbers in a table as well (a `<details>` under it), since a drawing is not readable by everyone.
 * Follows the page's width; redraws when `option` changes (pass a memoised option).
 */
export function Chart({ option, label, height = 220 }: {
  /** What to draw: axes, series, legend… in ECharts' option format. Colours may come from {@link themeColor}. */
  option: ChartOption;
  /** The accessible name: what the chart shows, in a sentence. */
  label: string;
  /** Height in CSS pixels; the width is the container's. */
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<Runtime["init"]> | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    let stopped = false;
    let resize: ResizeObserver | undefined;
    loadRuntime().then(
      ({ init }) => {
        if (stopped || !element.current) return;
        chart.current = init(element.current, undefined, { renderer: "svg" });
        chart.current.setOption(themed(option));
        resize = new ResizeObserver(() => chart.current?.resize());
        resize.observe(element.current);
      },
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      stopped = true;
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
    // Created once per mount; option changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Colours are resolved from the theme when set: set them again when it changes.
  const [theme, setTheme] = useState(0);
  useEffect(() => onThemeChange(() => setTheme((n) => n + 1)), []);

  useEffect(() => {
    chart.current?.setOption(themed(option), { notMerge: true });
  }, [option, theme]);

  return (
    <div className="ga-chart" role="img" aria-label={label} style={{ height }}>
      {failure ? <p className="ga-form-error">The chart could not be loaded: {failure}</p> : <div ref={element} style={{ width: "100%", height: "100%" }} />}
    </div>
  );
}
