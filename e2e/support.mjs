// Helpers shared by the end-to-end tests (*.test.mjs here): where the assembled server and the browser are,
// temporary clones, starting and stopping the server, logging in through the UI, and screenshots.
// Not a test file itself (node --test only runs *.test.mjs).
import { spawn, execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "distribution/target/gitops-auditor");
export const LAUNCHER = join(DIST, "bin/gitops-auditor");
export const HELLO_JAR = join(DIST, "example-plugins/hello-plugin.jar");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const ADMIN = "admin";
export const PASSWORD = "e2e-password-long-enough";

/**
 * Why the tests of a file cannot run here (printed once, as "e2e: SKIPPED, ..."), or false. Without a browser
 * or the assembled server every test skips itself, so a machine without Chromium still builds. `also` adds
 * a file's own needs: [[condition, reason], ...], checked after those two.
 */
export function skipReason(also = []) {
  const reason = !existsSync(CHROMIUM) ? `no browser at ${CHROMIUM} (install chromium or set CHROMIUM=...)`
    : !existsSync(LAUNCHER) ? `no assembled server at ${LAUNCHER} (build the distribution module first)`
    : also.find(([missing]) => missing)?.[1] ?? false;
  if (reason) console.log(`e2e: SKIPPED, ${reason}`);
  return reason;
}

export const git = (cwd, ...args) =>
  execFileSync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@example.org", ...args], { cwd, stdio: "pipe" });

/**
 * Clones under root, all with upstream (a bare repository) as their remote: pushed (clean), ahead (an unpushed
 * commit), dirty (an edited file), and noremote (no remote at all). With more: also stashy (a stash entry) and
 * behind (a commit behind its upstream, which offers the fetch fix), for richer screenshots.
 */
export function makeClones(root, upstream, { more = false } = {}) {
  mkdirSync(root, { recursive: true });
  git(dirname(upstream), "init", "-q", "--bare", "-b", "main", upstream);
  const commit = (dir, file) => { writeFileSync(join(dir, file), file + "\n"); git(dir, "add", file); git(dir, "commit", "-q", "-m", file); };
  const seed = join(root, ".seed");
  mkdirSync(seed);
  git(seed, "init", "-q", "-b", "main");
  commit(seed, "readme");
  git(seed, "push", "-q", upstream, "main");
  const names = ["pushed", "ahead", "dirty", ...(more ? ["stashy", "behind"] : [])];
  for (const name of names) git(root, "clone", "-q", upstream, name);
  commit(join(root, "ahead"), "unpushed");
  appendFileSync(join(root, "dirty", "readme"), "edited\n");
  if (more) {
    appendFileSync(join(root, "stashy", "readme"), "stashed\n");
    git(join(root, "stashy"), "stash", "-q");
    commit(seed, "newer");
    git(seed, "push", "-q", upstream, "main");
    git(join(root, "behind"), "fetch", "-q");
  }
  rmSync(seed, { recursive: true });
  mkdirSync(join(root, "noremote"));
  git(join(root, "noremote"), "init", "-q", "-b", "main");
  commit(join(root, "noremote"), "only-here");
}

/**
 * A stack of clean-up steps: defer(fn) adds one, defer.run() runs them last added first, each even if an
 * earlier one failed (the browser closes and the server stops before their folder is removed). Give
 * defer.run to t.after, or to after() in a describe.
 */
export function cleanup() {
  const steps = [];
  const defer = (fn) => steps.push(fn);
  defer.run = async () => {
    while (steps.length) {
      try { await steps.pop()(); } catch (error) { console.error("e2e: clean-up step failed:", error); }
    }
  };
  return defer;
}

/** A temporary folder, removed by the clean-up stack. */
export function workDir(defer) {
  const work = mkdtempSync(join(tmpdir(), "gitops-auditor-e2e-"));
  defer(() => rmSync(work, { recursive: true, force: true }));
  return work;
}

/**
 * Starts bin/gitops-auditor serve on a free port (--port 0; the port is read from its "listening on" line),
 * or on the given port (a restart at the same address, for a page that stays open), with its own data and
 * plugins folders, the audit scanning repos (if given), and no start-up cache (a test server starts once).
 * Resolves once it listens, to {base, port, stop(), log()}; stop() sends SIGTERM and waits.
 */
export async function startServer({ data, plugins, repos, port: wanted = 0, env = {} }) {
  mkdirSync(plugins, { recursive: true });
  let log = "";
  const server = spawn(LAUNCHER, ["serve", "--data-dir", data, "--plugins-dir", plugins, "--bind", "127.0.0.1", "--port", String(wanted)], {
    env: {
      ...process.env,
      ...(repos ? { GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS: repos } : {}),
      GITOPS_AUDITOR_CDS: "off",
      GITOPS_AUDITOR_AOT: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const exited = new Promise((ok) => server.once("exit", ok));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      try { process.kill(-server.pid, "SIGTERM"); } catch { /* gone */ }
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  let port;
  while (!(port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1])) {
    if (server.exitCode !== null || Date.now() > deadline) {
      await stop();
      assert.fail(`the server did not start:\n${log}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { base: `http://127.0.0.1:${port}`, port: Number(port), stop, log: () => log };
}

/** The browser window the desktop tests use. */
export const DESKTOP = { width: 1280, height: 900 };

/**
 * One installation as most tests need it: a work folder with the clones of makeClones, a server auditing
 * them, Chromium, and a desktop-sized page logged in as the first admin (through the setup page), its
 * uncaught errors collected in errors. beforeStart({work, data, plugins, repos}) runs before the server
 * starts (to drop a plugin jar in, say). Every step's undoing goes to defer.
 */
export async function loggedInDashboard(defer, { beforeStart } = {}) {
  const work = workDir(defer);
  const data = join(work, "data"), plugins = join(work, "plugins"), repos = join(work, "repos");
  makeClones(repos, join(work, "upstream.git"));
  beforeStart?.({ work, data, plugins, repos });
  const server = await startServer({ data, plugins, repos });
  defer(() => server.stop());
  const browser = await launchBrowser();
  defer(() => browser.close());
  const page = await browser.newPage({ viewport: DESKTOP });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await logIn(page, server.base, data);
  return { work, data, plugins, repos, server, browser, page, errors };
}

/** Headless Chromium as the tests and the benchmark run it. */
export async function launchBrowser() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}

/**
 * Opens the dashboard and gets past the first screen: on a fresh data folder the setup page (the secret the
 * server wrote, then the first admin, which logs in), otherwise the login page. Resolves once the dashboard
 * shows its sidebar.
 */
export async function logIn(page, base, data) {
  await page.goto(base + "/");
  await page.waitForSelector('input[name="secret"], input[name="password"]', { timeout: 30_000 });
  if (await page.locator('input[name="secret"]').count()) {
    await page.fill('input[name="secret"]', readFileSync(join(data, "setup-secret"), "utf8").trim());
    await page.fill('input[name="username"]', ADMIN);
    await page.fill('input[name="password"]', PASSWORD);
    await page.fill('input[name="again"]', PASSWORD);
  } else {
    await page.fill('input[name="username"]', ADMIN);
    await page.fill('input[name="password"]', PASSWORD);
  }
  await page.locator('button[type="submit"]').click();
  await page.waitForSelector("nav.ga-sidebar", { state: "attached", timeout: 30_000 });
}

/** The labels of the sidebar's entries, in order: their own text, without the icon or words for screen readers. */
export const sidebarLabels = (page) =>
  page.$$eval("nav.ga-sidebar a", (links) => links.map((a) =>
    [...a.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join("").trim()));

/**
 * Saves a screenshot as work/screenshots/NAME (always: a failing run leaves it for a look), and when the
 * environment variable E2E_SCREENSHOTS=DIR is set and publish is true, also as DIR/NAME. That is how the
 * committed docs/screenshots are refreshed (see docs/development.md). A relative DIR is taken from the folder
 * npm was started in (npm runs the tests inside e2e/). Full page unless options say otherwise.
 */
export async function screenshot(page, work, name, { publish = true, ...options } = {}) {
  const path = join(work, "screenshots", name);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide", ...options });
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir && publish) {
    const target = resolve(process.env.INIT_CWD ?? process.cwd(), dir);
    mkdirSync(target, { recursive: true });
    copyFileSync(path, join(target, name));
  }
  return path;
}

/** The JDK's jar tool: JAVA_HOME's, else the newest under /usr/lib/jvm, else the one on PATH; undefined if none. */
export function findJarTool() {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, "bin/jar"));
  try {
    candidates.push(...readdirSync("/usr/lib/jvm").sort().reverse().map((jdk) => join("/usr/lib/jvm", jdk, "bin/jar")));
  } catch { /* no /usr/lib/jvm */ }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  try {
    execFileSync("jar", ["--version"], { stdio: "ignore" });
    return "jar";
  } catch {
    return undefined;
  }
}

/**
 * Copies jar to target with one entry's content replaced. Deterministic: the same input gives the same bytes
 * (jar --update with a fixed --date for the new entry).
 */
export function replaceJarEntry(jarTool, jar, target, entry, content) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(jar, target);
  const stage = mkdtempSync(join(tmpdir(), "gitops-auditor-e2e-jar-"));
  mkdirSync(join(stage, dirname(entry)), { recursive: true });
  writeFileSync(join(stage, entry), content);
  execFileSync(jarTool, ["--update", "--file", target, "--date", "2026-01-01T00:00:00Z", "-C", stage, entry], { stdio: "pipe" });
  rmSync(stage, { recursive: true });
}
