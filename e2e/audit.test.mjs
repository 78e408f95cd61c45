// The audit dashboard end to end: the assembled server (distribution/target/gitops-auditor) on a free port
// with a temporary data folder and temporary clones, the first admin created and logged in through the UI,
// the home page's health card, the overview and the repositories page showing the right states, then a row changing live when a file
// in a clone is edited. Needs /usr/bin/chromium (or CHROMIUM=...); skipped, saying so, without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, loggedInDashboard, screenshot, skipReason } from "./support.mjs";

const skip = skipReason();

test("audit dashboard: setup, login, states on the home and repositories pages, a live row change", { skip, timeout: 120_000 }, async (t) => {
  const defer = cleanup();
  t.after(defer.run);
  const { work, repos, server, page, errors } = await loggedInDashboard(defer);

  // Home: the grid of plugin cards; the audit's health card counts the start-up run's clones at risk.
  await page.locator("[data-audit-at-risk='3']").waitFor({ timeout: 30_000 });
  await screenshot(page, work, "home.png");
  // Its link leads to the audit's overview, with the same run counted.
  await page.locator("main a", { hasText: "Open the audit" }).click();
  await page.waitForURL(/\/p\/audit\/$/);
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
  await page.goto(server.base + "/p/audit/repositories");
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
  await screenshot(page, work, "audit-repositories-live.png");
  assert.deepEqual(errors, []);
});
