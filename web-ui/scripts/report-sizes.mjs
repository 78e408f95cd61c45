// Prints what the dashboard costs a browser: each built file and the total, gzipped. The shell and
// the shared vendor modules aim to stay under BUDGET_KB together; above it the build says so loudly.
// Chunks only fetched when a page needs them (the chart library) are listed apart, outside the budget.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 150;
/** Chunks the SDK imports on demand: not part of any page's first load. */
const ON_DEMAND = /(^|\/)echarts-runtime-[^/]*\.js$/;
const root = fileURLToPath(new URL("../target/classes/META-INF/gitops-auditor/dashboard", import.meta.url));

function* files(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(js|css|html)$/.test(name)) yield path;
  }
}

const rows = [...files(root)].map((path) => {
  const bytes = readFileSync(path);
  return { file: relative(root, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
rows.sort((a, b) => b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
const onDemand = rows.filter((row) => ON_DEMAND.test(row.file));
const upFront = rows.filter((row) => !ON_DEMAND.test(row.file));
console.log("dashboard sizes (raw, gzipped):");
for (const row of upFront) console.log(`  ${kb(row.raw)} ${kb(row.gzip)}  ${row.file}`);
for (const row of onDemand) console.log(`  ${kb(row.raw)} ${kb(row.gzip)}  ${row.file} (on demand: the first chart)`);
const total = upFront.reduce((sum, row) => sum + row.gzip, 0);
console.log(`  total gzipped: ${(total / 1024).toFixed(1)} KB (budget ${BUDGET_KB} KB), plus ${(onDemand.reduce((sum, row) => sum + row.gzip, 0) / 1024).toFixed(1)} KB on demand`);
if (total > BUDGET_KB * 1024) console.warn(`WARNING: the dashboard is over its ${BUDGET_KB} KB gzipped budget`);
