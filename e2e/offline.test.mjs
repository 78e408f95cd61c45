// The dashboard's live connection end to end, on one installation (the assembled server, temporary clones,
// the first admin made through the setup page). First audit runs started from the overview, whose end
// arrives over the WebSocket with no reload, in either order with the POST's answer. Then the server goes
// away under an open Repositories page: the offline banner says since when and how old the data on screen
// is (the page's clock is moved on to see that age grow), the top bar says "Offline", and the rows stay. A
// clone changes on disk meanwhile; the server starts again on the same port and data folder, and the same
// page (never reloaded) drops the banner, goes live again and shows the clone's new state.
// Needs /usr/bin/chromium (or CHROMIUM=...); skipped, saying so, without it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, DESKTOP, launchBrowser, logIn, makeClones, screenshot, skipReason, startServer, workDir } from "./support.mjs";

const skip = skipReason();
/** The WebSocket client's longest wait between two reconnect attempts (backoffDelay in web-ui/sdk/src/hub.ts). */
const LONGEST_BACKOFF_MS = 30_000;

describe("the live connection: an audit run watched live, then the server away and back", { skip, timeout: 240_000 }, () => {
  const defer = cleanup();
  after(defer.run);
  let work, data, plugins, repos, server, page;
  const errors = [];

  before(async () => {
    work = workDir(defer);
    data = join(work, "data");
    plugins = join(work, "plugins");
    repos = join(work, "repos");
    makeClones(repos, join(work, "upstream.git"));
    server = await startServer({ data, plugins, repos });
    defer(() => server.stop()); // whichever server is running by then
    const browser = await launchBrowser();
    defer(() => browser.close());
    page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    // Playwright's clock: time flows as usual, but the offline test can move the page's clock ahead to see
    // the age of the data grow without waiting minutes.
    await page.clock.install();
    page.on("pageerror", (e) => errors.push(e.message));
    await logIn(page, server.base, data);
  });

  /** The overview's trend table's row of a run (in a closed <details>: attached, not visible). */
  const trendRow = (id) => page.locator("main figure details tbody th[scope=row]", { hasText: new RegExp(`^#${id} `) });
  const runAuditButton = () => page.locator("main button:text-is('Run audit'):enabled");
  const isStartRun = (request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/audit/runs";

  /** Clicks "Run audit"; resolves to the run's id from the POST's answer (202). */
  async function clickRunAudit() {
    const answered = page.waitForResponse((r) => isStartRun(r.request()), { timeout: 30_000 });
    await runAuditButton().click({ timeout: 30_000 });
    const response = await answered;
    assert.equal(response.status(), 202);
    return (await response.json()).runId;
  }

  /**
   * What a run's end brings to the overview over the WebSocket, with no reload: the run in the trend chart's
   * table, the button back (not left at "Audit running…") with no progress bar left over, and "Last run"
   * saying when this run finished.
   */
  async function finishedLive(runId) {
    await trendRow(runId).waitFor({ state: "attached", timeout: 30_000 });
    await runAuditButton().waitFor({ timeout: 10_000 });
    assert.equal(await page.getByRole("progressbar").count(), 0, "a progress bar is left after the run finished");
    const run = await page.evaluate(async (id) => (await fetch(`/api/audit/runs/${id}`)).json(), runId);
    assert.equal(run.status, "finished");
    const finishedAt = await page.evaluate((iso) => new Date(iso).toLocaleString(), run.finishedAt);
    await page.locator("main p", { hasText: `Last run: ${finishedAt} (` }).waitFor({ timeout: 10_000 });
  }

  test("runs an audit from the overview and watches it finish live, also when it ends before the POST's answer", async () => {
    await page.goto(server.base + "/p/audit/");
    await page.waitForSelector("text=At risk of losing work", { timeout: 30_000 });
    // The start-up run is over (the button says "Audit running…" until then), and it is the only one.
    await runAuditButton().waitFor({ timeout: 30_000 });
    await page.getByText("The trend appears after two finished runs.").waitFor({ timeout: 10_000 });
    await page.evaluate(() => (window.__e2eNoReload = true));

    // As it usually goes: the POST answers, then the run's events arrive. The chart appears with two runs.
    const first = await clickRunAudit();
    await finishedLive(first);

    // The other order, which a quick run on a busy machine can give: the POST's answer is held until the
    // run's end has reached the page over the WebSocket.
    let endedFirst;
    const hold = (url) => url.pathname === "/api/audit/runs";
    await page.route(hold, async (route) => {
      if (!isStartRun(route.request())) return route.fallback();
      const response = await route.fetch();
      const { runId } = await response.json();
      endedFirst = await trendRow(runId).waitFor({ state: "attached", timeout: 30_000 }).then(() => true, () => false);
      await route.fulfill({ response });
    });
    const second = await clickRunAudit();
    await page.unroute(hold);
    assert.equal(endedFirst, true, "the run's end reached the page before the POST's answer");
    await finishedLive(second);

    assert.equal(await page.evaluate(() => window.__e2eNoReload), true, "the page was not reloaded");
    assert.deepEqual(errors, []);
  });

  test("offline: a banner while the server is away, the last data kept with its age, and catching up with no reload", async () => {
    const loadedAt = await page.evaluate(() => Date.now());
    await page.goto(server.base + "/p/audit/repositories");
    await page.waitForFunction(() => document.querySelectorAll("tr[data-repo-id]").length === 4, null, { timeout: 30_000 });
    const states = () => page.$$eval("tr[data-repo-id]", (rows) =>
      Object.fromEntries(rows.map((r) => [r.querySelector("td a").textContent, r.querySelector("[data-state]").dataset.state])));
    const shown = { ahead: "AT_RISK", dirty: "AT_RISK", noremote: "AT_RISK", pushed: "LOCAL_ONLY" };
    assert.deepEqual(await states(), shown);
    const pushed = await page.$eval("tr[data-repo-id]:has(a:text-is('pushed'))", (r) => r.dataset.repoId);

    // The shell's two live regions: the banner (empty and hidden while online) and the top bar's status.
    const banner = page.locator("main [role=status]", { hasText: "Server unreachable since" });
    const liveStatus = page.locator("header.ga-topbar .ga-connection[role=status]");
    const liveStatusIs = (text) => liveStatus.filter({ hasText: new RegExp(`^${text}$`) });
    const healthIs = (text) => page.locator("header.ga-topbar .ga-topbar__status .ga-badge", { hasText: new RegExp(`^${text}$`) });
    await liveStatusIs("Live").waitFor({ timeout: 10_000 });
    await healthIs("UP").waitFor({ timeout: 10_000 });
    assert.equal(await banner.count(), 0);
    const updated = page.locator("main p", { hasText: /^Updated .*; changes on disk show here live\.$/ });

    // The server stops (SIGTERM). The page keeps its rows and says the server is away.
    await page.evaluate(() => (window.__e2eNoReload = true));
    const pageClock = () => page.evaluate(() => new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
    const stoppedAround = [await pageClock()];
    await server.stop();
    await banner.waitFor({ timeout: 15_000 });
    stoppedAround.push(await pageClock());
    const message = await banner.textContent();
    const parts = /^Server unreachable since (.+) — showing data from less than a minute ago; retrying…$/.exec(message);
    assert.ok(parts, `the banner says: ${message}`);
    assert.ok(stoppedAround.includes(parts[1]), `"since ${parts[1]}": the server stopped at ${stoppedAround.join("–")}`);
    assert.ok(await banner.isVisible(), "the banner is on screen");
    await liveStatusIs("Offline").waitFor({ timeout: 5_000 });
    await healthIs("UNKNOWN").waitFor({ timeout: 5_000 }); // not the UP of before
    assert.deepEqual(await states(), shown, "the rows are kept while the server is away");
    assert.ok(await page.locator("main h1:text-is('Repositories')").isVisible());
    assert.equal(await page.locator("main [role=alert]").count(), 0, "no error in place of the data");

    // The page's clock moved on to 2 min 20 s after the page was opened: what it shows (its rows, its last
    // contact with the server) is from between then and the stop, so about two minutes old, as the banner and
    // the page's own "Updated" line now say.
    await page.clock.fastForward(140_000 - (await page.evaluate(() => Date.now()) - loadedAt));
    await banner.filter({ hasText: `since ${parts[1]} — showing data from 2 min ago; retrying…` }).waitFor({ timeout: 5_000 });
    await updated.filter({ hasText: "(2 min ago)" }).waitFor({ timeout: 5_000 });
    assert.deepEqual(await states(), shown);
    await screenshot(page, work, "offline-banner.png", { fullPage: false });

    // Meanwhile a file in the clean clone is edited: it is at risk now, which the page cannot know yet.
    appendFileSync(join(repos, "pushed", "readme"), "edited while the server was away\n");

    // The server starts again at the same address with the same data (the session cookie is still good).
    const { base, port } = server;
    server = await startServer({ data, plugins, repos, port });
    assert.equal(server.base, base);

    // The page reconnects by itself (the client's backoff is at most 30 s), drops the banner, goes live and
    // shows the new state, which the restarted server's start-up run found.
    await banner.waitFor({ state: "detached", timeout: LONGEST_BACKOFF_MS + 10_000 });
    await liveStatusIs("Live").waitFor({ timeout: 5_000 });
    await healthIs("UP").waitFor({ timeout: 10_000 });
    await page.waitForFunction((id) => document.querySelector(`tr[data-repo-id="${id}"] [data-state]`)?.dataset.state === "AT_RISK",
      pushed, { timeout: 30_000 });
    assert.deepEqual(await states(), { ...shown, pushed: "AT_RISK" });
    assert.equal(await page.locator("main [role=alert]").count(), 0, "no error left after catching up");
    assert.equal(await page.evaluate(() => window.__e2eNoReload), true, "the page was not reloaded");
    assert.deepEqual(errors, []);
  });
});
