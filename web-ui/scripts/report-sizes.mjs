// Prints what the dashboard costs a browser: each built file and the totals, gzipped. What the first
// paint loads (the shell and the shared modules it imports) aims to stay under BUDGET_KB; above it the
// build says so loudly.
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

// What the first paint loads: index.html's own files and everything they import statically, bare
// specifiers resolved through the import map. The rest (the form library, for one) is fetched only
// by a page that imports it, and does not count against the budget.
const html = readFileSync(join(root, "index.html"), "utf8");
const importMap = JSON.parse(/<script type="importmap">([^<]*)<\/script>/.exec(html)?.[1] ?? '{"imports":{}}').imports;
const firstPaint = new Set(["index.html"]);
const pending = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
while (pending.length > 0) {
  const file = pending.pop();
  if (firstPaint.has(file)) continue;
  firstPaint.add(file);
  if (!file.endsWith(".js")) continue;
  const code = readFileSync(join(root, file), "utf8");
  // Static imports only: `import x from "y"`, `export * from "y"`, `import "y"`; never `import("y")`.
  for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g)) {
    const target = specifier.startsWith(".") ? join(file, "..", specifier) : importMap[specifier]?.replace(/^\//, "");
    if (target) pending.push(target);
  }
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log("dashboard sizes (raw, gzipped; * = loaded by the first paint):");
for (const row of rows) console.log(`  ${kb(row.raw)} ${kb(row.gzip)}  ${firstPaint.has(row.file) ? "*" : " "} ${row.file}`);
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const initial = rows.filter((row) => firstPaint.has(row.file)).reduce((sum, row) => sum + row.gzip, 0);
console.log(`  first paint gzipped: ${(initial / 1024).toFixed(1)} KB (budget ${BUDGET_KB} KB); all files: ${(total / 1024).toFixed(1)} KB`);
if (initial > BUDGET_KB * 1024) console.warn(`WARNING: the dashboard's first paint is over its ${BUDGET_KB} KB gzipped budget`);
