/**
 * The chart library, loaded only when a page first draws a chart: ECharts' core with just the
 * charts and parts the dashboards need, tree-shaken. The vendor build puts this module (and
 * ECharts) in a chunk of its own that the SDK imports on demand, so the shell and every plugin
 * share one copy and a page without charts never downloads it.
 *
 * Why ECharts: it alone among the small-enough libraries has time series, gauges and heatmaps
 * (the audit's trend, the quality pages' scores and activity grids) with one API and an SVG
 * renderer; uPlot is far smaller but has line/area charts only, Chart.js needs plugins for
 * heatmaps and gauges. The cost is measured by web-ui/scripts/report-sizes.mjs ("on demand").
 */
import { BarChart, GaugeChart, HeatmapChart, LineChart } from "echarts/charts";
// No dataset or aria components: options carry their data in the series, and a chart's accessible
// name and numbers come from the page (Chart's label, a table), which reads better than generated text.
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

use([
  LineChart, BarChart, GaugeChart, HeatmapChart,
  GridComponent, TooltipComponent, LegendComponent, VisualMapComponent,
  SVGRenderer,
]);

export { init };
