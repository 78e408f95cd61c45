// The audit dashboard end to end: the assembled server (distribution/target/gitops-auditor) on a free port
// with a temporary data folder and temporary clones, the first admin created and logged in through the UI,
// the home page and the repositories page showing the right states, then a row changing live when a file
// in a clone is edited. Needs /usr/bin/chromium (or CHROMIUM=...); skipped, saying so, without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LAUNCHER = join(ROOT, "distribution/target/gitops-auditor/bin/gitops-auditor");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const skip = !existsSync(CHROMIUM) ? `no browser at ${CHROMIUM} (install chromium or set CHROMIUM=...)`
  : !existsSync(LAUNCHER) ? `no assembled server at ${LAUNCHER} (build the distribution module first)` : false;
if (skip) console.log(`e2e: SKIPPED, ${skip}`);

const git = (cwd, ...args) => execFileSync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@example.org", ...args], { cwd, stdio: "pipe" });

/** Under root: pushed (clean), ahead (an unpushed commit), dirty (an edited file), noremote; their remote is upstream. */
function makeClones(root, upstream) {
  git(dirname(upstream), "init", "-q", "--bare", "-b", "main", upstream);
  const commit = (dir, file) => { writeFileSync(join(dir, file), file + "\n"); git(dir, "add", file); git(dir, "commit", "-q", "-m", file); };
  mkdirSync(join(root, "seed"));
  git(join(root, "seed"), "init", "-q", "-b", "main");
  commit(join(root, "seed"), "readme");
  git(join(root, "seed"), "push", "-q", upstream, "main");
  rmSync(join(root, "seed"), { recursive: true });
  for (const name of ["pushed", "ahead", "dirty"]) git(root, "clone", "-q", upstream, name);
  commit(join(root, "ahead"), "unpushed");
  appendFileSync(join(root, "dirty", "readme"), "edited\n");
  mkdirSync(join(root, "noremote"));
  git(join(root, "noremote"), "init", "-q", "-b", "main");
  commit(join(root, "noremote"), "only-here");
}

const freePort = () => new Promise((ok, fail) => {
  const server = createServer().listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => ok(port)); });
  server.on("error", fail);
});

test("audit dashboard: setup, login, states on the home and repositories pages, a live row change", { skip, timeout: 120_000 }, async (t) => {
  const { chromium } = await import("playwright-core");
  const work = mkdtempSync(join(tmpdir(), "gitops-auditor-e2e-"));
  const repos = join(work, "repos"), data = join(work, "data");
  mkdirSync(repos);
  makeClones(repos, join(work, "upstream.git"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = "";
  const server = spawn(LAUNCHER, ["serve", "--data-dir", data, "--port", String(port)], {
    env: { ...process.env, GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS: repos, GITOPS_AUDITOR_CDS: "off", GITOPS_AUDITOR_AOT: "off" },
    stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  let browser;
  t.after(async () => {
    await browser?.close();
    try { process.kill(-server.pid, "SIGTERM"); } catch { /* gone */ }
    await new Promise((ok) => (server.exitCode !== null ? ok() : server.once("exit", ok)));
    rmSync(work, { recursive: true, force: true });
  });
  const deadline = Date.now() + 60_000;
  while (!log.includes("listening on")) {
    if (server.exitCode !== null || Date.now() > deadline) assert.fail(`the server did not start:\n${log}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(base + "/");
  await page.fill('input[name="secret"]', readFileSync(join(data, "setup-secret"), "utf8").trim());
  await page.fill('input[name="username"]', "admin");
  await page.fill('input[name="password"]', "e2e-password-long-enough");
  await page.fill('input[name="again"]', "e2e-password-long-enough");
  await page.locator('button[type="submit"]').click();
  const password = page.locator('input[name="password"]');
  await page.waitForFunction(() => !document.querySelector('input[name="secret"]'), null, { timeout: 15_000 });
  if (await password.count()) {
    await page.fill('input[name="username"]', "admin");
    await password.fill("e2e-password-long-enough");
    await page.locator('button[type="submit"]').click();
  }

  // Home: the audit's overview, with the first (start-up) run counted.
  await page.waitForSelector("text=At risk of losing work", { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll("li[data-repo-id]").length >= 3, null, { timeout: 30_000 });
  const atRisk = await page.$$eval("li[data-repo-id] a", (links) => links.map((a) => a.textContent).sort());
  assert.deepEqual(atRisk, ["ahead", "dirty", "noremote"]);
  const count = (state) => page.$eval(`a[data-state="${state}"] strong`, (s) => Number(s.textContent));
  assert.equal(await count("AT_RISK"), 3);
  assert.equal(await count("LOCAL_ONLY"), 1); // "pushed": its remote is a folder, not one of the GitHub accounts

  // Repositories: one row per clone, its state in data-state.
  await page.click("a[data-state=AT_RISK]");
  await page.waitForURL(/\/p\/audit\/repositories\?state=at-risk/);
  await page.waitForFunction(() => document.querySelectorAll("tr[data-repo-id]").length === 3);
  await page.goto(base + "/p/audit/repositories");
  await page.waitForFunction(() => document.querySelectorAll("tr[data-repo-id]").length === 4);
  const states = Object.fromEntries(await page.$$eval("tr[data-repo-id]", (rows) =>
    rows.map((r) => [r.querySelector("td a").textContent, r.querySelector("[data-state]").dataset.state])));
  assert.deepEqual(states, { ahead: "AT_RISK", dirty: "AT_RISK", noremote: "AT_RISK", pushed: "LOCAL_ONLY" });

  // Live: edit a file in "pushed"; its row turns at-risk with no reload.
  const id = await page.$eval("tr[data-repo-id]:has(a:text-is('pushed'))", (r) => r.dataset.repoId);
  await page.evaluate(() => (window.__e2eNoReload = true));
  appendFileSync(join(repos, "pushed", "readme"), "edited\n");
  await page.waitForFunction((id) => document.querySelector(`tr[data-repo-id="${id}"] [data-state]`)?.dataset.state === "AT_RISK", id, { timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.__e2eNoReload), true, "the page was not reloaded");
  assert.deepEqual(errors, []);
});
