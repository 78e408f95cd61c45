// Prints what the dashboard costs a browser: each built file and the total, gzipped. The shell and
// the shared vendor modules aim to stay under BUDGET_KB together; above it the build says so loudly.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 150;
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
console.log("dashboard sizes (raw, gzipped):");
for (const row of rows) console.log(`  ${kb(row.raw)} ${kb(row.gzip)}  ${row.file}`);
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`  total gzipped: ${(total / 1024).toFixed(1)} KB (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB * 1024) console.warn(`WARNING: the dashboard is over its ${BUDGET_KB} KB gzipped budget`);
