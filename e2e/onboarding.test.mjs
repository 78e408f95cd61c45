// A new user's path end to end, with no file edited and no restart: a fresh data folder and a server started
// with no folders to audit (no YAML, no environment); first-run setup in the browser; the Settings page (a
// check in the browser, a secret that is never shown again); then the get-started card on the home page:
// a folder that does not exist refused by the server on its row, the real folder of git clones made here
// saved, the first audit started by that save, its progress, and its results. Needs /usr/bin/chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { cleanup, DESKTOP, launchBrowser, logIn, makeClones, screenshot, skipReason, startServer, workDir } from "./support.mjs";

const skip = skipReason();

/** A fresh installation: clones on disk that nothing points at yet, a server that knows of no folder, a logged-in admin. */
async function freshInstallation(defer) {
  const work = workDir(defer);
  const data = join(work, "data"), plugins = join(work, "plugins"), repos = join(work, "repos");
  makeClones(repos, join(work, "upstream.git"));
  const server = await startServer({ data, plugins });
  defer(() => server.stop());
  const browser = await launchBrowser();
  defer(() => browser.close());
  const page = await browser.newPage({ viewport: DESKTOP });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await logIn(page, server.base, data);
  return { work, repos, server, page, errors };
}

/** The settings groups as the dashboard's session sees them. */
const settingsGroups = (page) => page.evaluate(async () => (await (await fetch("/api/platform/settings")).json()).groups);

test("settings page: the GitHub group, a check in the browser, and a token that is stored but never shown again", { skip, timeout: 120_000 }, async (t) => {
  const defer = cleanup();
  t.after(defer.run);
  const { work, server, page, errors } = await freshInstallation(defer);

  await page.click("nav.ga-sidebar a[href='/settings']");
  await page.waitForSelector("h2:text-is('GitHub')");
  const github = page.locator("section.ga-card", { has: page.locator("h2:text-is('GitHub')") });

  // The browser checks the schema's pattern before anything is sent.
  const requests = [];
  page.on("request", (request) => request.method() === "PUT" && requests.push(request.url()));
  await github.locator("[data-setting='github.timeout'] input").fill("soon");
  await github.locator("button[type=submit]").click();
  await github.locator("[data-setting='github.timeout'] .ga-form-error").waitFor();
  assert.deepEqual(requests, []);
  await github.locator("[data-setting='github.timeout'] input").fill("30s");

  // The token: typed once, then only "set", never its value.
  await github.locator("[data-setting='github.token'] input").fill("ghp_e2eTokenThatMustNeverComeBack");
  await github.locator("button[type=submit]").click();
  await github.locator("text=Saved.").waitFor();
  await github.locator("[data-setting='github.token'] .ga-badge:text-is('set')").waitFor();
  assert.equal(await github.locator("[data-setting='github.token'] input").inputValue(), "");
  assert.equal(await github.locator("[data-setting='github.timeout'] input").inputValue(), "30s");
  const stored = page.locator("section.ga-card", { has: page.locator("h2:text-is('Secrets')") });
  await stored.locator("code:text-is('github.token')").waitFor();
  assert.ok(!(await page.content()).includes("ghp_e2eTokenThatMustNeverComeBack"), "the token is not in the page");

  await page.reload();
  await page.waitForSelector("[data-setting='github.token'] .ga-badge:text-is('set')");
  assert.equal(await page.locator("[data-setting='github.timeout'] input").inputValue(), "30s");
  await screenshot(page, work, "settings.png");
  assert.ok(!server.log().includes("ghp_e2eTokenThatMustNeverComeBack"), "the token is not in the server's output");
  assert.deepEqual(errors, []);
});

test("new user: from setup to the first audit's results through the get-started card, no YAML, no restart", { skip, timeout: 180_000 }, async (t) => {
  const defer = cleanup();
  t.after(defer.run);
  const { work, repos, page, errors } = await freshInstallation(defer);

  if (!(await settingsGroups(page)).some((group) => group.plugin === "audit")) {
    // The audit declares its settings in stream "settings" of issue #12; until that is merged there is no step to take.
    t.skip("the audit plugin declares no settings group yet");
    return;
  }
  const card = page.locator("section.ga-card", { has: page.locator("h2:text-is('Get started')") });
  await card.waitFor({ timeout: 30_000 });
  const step = (n) => card.locator(`li[data-step="${n}"]`);
  assert.equal(await step(1).getAttribute("data-done"), "false");
  assert.equal(await step(3).getAttribute("data-done"), "false");
  await screenshot(page, work, "get-started.png");

  // A folder that is not there: the server's check, on its row.
  await step(1).locator("button:text-is('Add a folder')").click();
  await step(1).locator(".ga-list__row input").last().fill(join(work, "no-such-folder"));
  await step(1).locator("button[type=submit]").click();
  await step(1).locator(".ga-list__row .ga-form-error").waitFor();
  assert.equal(await step(1).getAttribute("data-done"), "false");

  // The real folder: saved, the step done, and the first audit starts by itself.
  await step(1).locator(".ga-list__row input").last().fill(repos);
  await step(1).locator("button[type=submit]").click();
  await page.waitForSelector('li[data-step="1"][data-done="true"]', { timeout: 20_000 });
  await page.waitForSelector('li[data-step="3"][data-done="true"]', { timeout: 60_000 });
  assert.match(await step(3).textContent(), /Done: 4 repositories checked, 3 at risk/);
  await screenshot(page, work, "get-started-done.png");

  await step(3).locator("a:text-is('See the results')").click();
  await page.waitForFunction(() => document.querySelectorAll("tr[data-repo-id]").length === 4, null, { timeout: 20_000 });
  assert.deepEqual(errors, []);
});
