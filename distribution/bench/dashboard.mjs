// The browser side of dashboard.sh (see there): node dashboard.mjs BASE DATA_DIR CLONES RUNS CHROMIUM
// against a running server whose admin does not exist yet. Prints figures; asserts nothing, but stops with a
// message when the server does not behave (setup refused, no audit run within 10 minutes).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const [base, dataDir, clonesArg, runsArg, executablePath] = process.argv.slice(2);
const clones = Number(clonesArg), runs = Number(runsArg);
const PAGE_ROWS = 100; // the repositories page asks for 100 rows at a time (plugins/audit/src/main/ui)
const viewport = { width: 1280, height: 900 };

const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  // The first admin, as the setup page makes it: POST /api/platform/setup starts a session (a cookie), which
  // the context's request API and its pages share.
  const setup = await browser.newContext({ baseURL: base });
  const created = await setup.request.post("/api/platform/setup", {
    data: { secret: readFileSync(join(dataDir, "setup-secret"), "utf8").trim(), username: "bench", password: "bench-password-long-enough" },
  });
  if (created.status() !== 201) throw new Error(`setup answered ${created.status()}: ${await created.text()}`);

  // The start-up audit run (the audit runs one at every start): wait until it finished with every clone.
  const deadline = Date.now() + 600_000;
  let summary;
  for (;;) {
    summary = await (await setup.request.get("/api/audit/summary")).json();
    if (!summary.running && summary.lastRun?.status === "finished" && summary.current?.repositories >= clones) break;
    if (Date.now() > deadline) throw new Error(`no finished audit of ${clones} clones within 10 minutes: ${JSON.stringify(summary.lastRun)}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
  console.log(`browser: Chromium ${browser.version()}, headless; viewport ${viewport.width}×${viewport.height}`);
  const run = summary.lastRun;
  console.log(`start-up audit run: ${run.repositories} repositories in ${Date.parse(run.finishedAt) - Date.parse(run.startedAt)} ms (health ${run.health})`);
  const storageState = await setup.storageState();
  await setup.close();

  /** Loads path in page; resolves to {fcp, ready} in ms since the navigation started (performance.now()). */
  async function load(page, path, ready) {
    await page.goto(base + path);
    const readyAt = await page.waitForFunction(ready, clones, { polling: "raf", timeout: 60_000 }).then((h) => h.jsonValue());
    const fcp = await page.waitForFunction(
      () => performance.getEntriesByType("paint").find((entry) => entry.name === "first-contentful-paint")?.startTime,
      null, { timeout: 10_000 },
    ).then((h) => h.jsonValue());
    return { fcp, ready: readyAt };
  }
  // In the page: the moment the home page's audit card shows its headline (how many clones are at risk).
  const homeReady = () => (document.querySelector("[data-audit-at-risk]") ? performance.now() : 0);
  // In the page: the moment the overview shows its figures (the at-risk list and the counts by state).
  const overviewReady = () =>
    document.querySelectorAll("li[data-repo-id]").length > 0 && document.querySelector("a[data-state] strong") ? performance.now() : 0;
  // In the page: the moment the repositories page shows its first page of rows, and the total.
  const repositoriesReady = (total) =>
    document.querySelectorAll("tr[data-repo-id]").length === Math.min(total, 100) &&
    document.querySelector(".ga-pager span")?.textContent?.endsWith(` of ${total}`) ? performance.now() : 0;

  /** RUNS loads of path, each in a new context (no HTTP cache, no module cache: a first visit). */
  async function cold(path, ready) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ storageState, viewport });
      results.push(await load(await context.newPage(), path, ready));
      await context.close();
    }
    return results;
  }
  /** One load to fill the context's cache, then RUNS loads in new pages of that context (a return visit). */
  async function warm(path, ready) {
    const context = await browser.newContext({ storageState, viewport });
    await load(await context.newPage(), path, ready);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      results.push(await load(page, path, ready));
      await page.close();
    }
    await context.close();
    return results;
  }

  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
    return `median ${Math.round(median)} ms (min ${Math.round(sorted[0])}, max ${Math.round(sorted.at(-1))})`;
  };
  const report = (label, results, readyLabel) => {
    console.log(`${label}:`);
    console.log(`  first-contentful-paint  ${stats(results.map((r) => r.fcp))}`);
    console.log(`  ${readyLabel.padEnd(22)}  ${stats(results.map((r) => r.ready))}`);
  };

  report("home page, fresh context (first visit)", await cold("/", homeReady), "audit card's headline");
  report("home page, same context (return visit)", await warm("/", homeReady), "audit card's headline");
  report("audit overview, fresh context", await cold("/p/audit/", overviewReady), "overview figures shown");
  report(`repositories page, fresh context`, await cold("/p/audit/repositories", repositoriesReady),
    `first ${Math.min(clones, PAGE_ROWS)} of ${clones} rows`);

  // What the home page loads: every script and stylesheet of this server the browser fetched, as served, and
  // gzipped (level 9; the server itself does not compress, a reverse proxy may).
  const context = await browser.newContext({ storageState, viewport });
  const page = await context.newPage();
  await load(page, "/", homeReady);
  const urls = await page.evaluate(() => [
    new URL(document.URL).origin + "/",
    ...performance.getEntriesByType("resource").map((entry) => entry.name).filter((url) => /\.(js|css)(\?|$)/.test(url)),
  ]);
  const groups = new Map();
  const rows = [];
  for (const url of [...new Set(urls)].filter((url) => url.startsWith(base))) {
    const body = await (await context.request.get(url)).body();
    const path = new URL(url).pathname;
    const group = path === "/" || path.startsWith("/assets/") ? "shell" : path.startsWith("/vendor/") ? "vendor (shared)"
      : path.startsWith("/ui/") ? `plugin ${path.split("/")[2]}` : "other";
    const gzip = gzipSync(body, { level: 9 }).length;
    rows.push({ group, path: path === "/" ? "/ (index.html)" : path, raw: body.length, gzip });
    const sum = groups.get(group) ?? { raw: 0, gzip: 0 };
    groups.set(group, { raw: sum.raw + body.length, gzip: sum.gzip + gzip });
  }
  await context.close();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  console.log("files the home page loads (as served, gzipped):");
  for (const row of rows.sort((a, b) => a.group.localeCompare(b.group) || b.gzip - a.gzip)) {
    console.log(`  ${row.group.padEnd(18)} ${kb(row.raw)} ${kb(row.gzip)}  ${row.path}`);
  }
  let total = { raw: 0, gzip: 0 };
  for (const [group, sum] of [...groups].sort()) {
    console.log(`  ${("= " + group).padEnd(18)} ${kb(sum.raw)} ${kb(sum.gzip)}`);
    total = { raw: total.raw + sum.raw, gzip: total.gzip + sum.gzip };
  }
  console.log(`  ${"= all".padEnd(18)} ${kb(total.raw)} ${kb(total.gzip)}`);
} finally {
  await browser.close();
}
