// A third-party plugin whose dashboard bundle is broken: its Java side starts, but its index.js throws as it
// loads. The dashboard shows an error card naming the plugin and the reason, and every other page still works.
// The broken jar is hello-plugin.jar with that one file replaced, made in the test's temporary folder with the
// JDK's jar tool. Needs /usr/bin/chromium (or CHROMIUM=...) and a JDK; skipped, saying so, without them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  cleanup, findJarTool, HELLO_JAR, loggedInDashboard, replaceJarEntry, screenshot, sidebarLabels, skipReason,
} from "./support.mjs";

const jarTool = findJarTool();
const skip = skipReason([
  [!existsSync(HELLO_JAR), `no example plugin at ${HELLO_JAR} (rebuild the distribution)`],
  [!jarTool, "no jar tool (set JAVA_HOME to a JDK)"],
]);
const BROKEN_BUNDLE = `// Broken on purpose by e2e/broken-plugin.test.mjs.
throw new Error("the hello bundle is broken on purpose");
`;

test("a plugin whose bundle is broken shows an error card while the rest of the dashboard works", { skip, timeout: 120_000 }, async (t) => {
  const defer = cleanup();
  t.after(defer.run);
  const { work, page, errors } = await loggedInDashboard(defer, {
    beforeStart: ({ plugins }) =>
      replaceJarEntry(jarTool, HELLO_JAR, join(plugins, "hello-plugin.jar"), "META-INF/ui/hello/index.js", BROKEN_BUNDLE),
  });

  // The server started the plugin (its Java side is fine) and serves the broken file.
  const plugin = await page.evaluate(async () => (await (await fetch("/api/platform/plugins")).json()).find((p) => p.id === "hello"));
  assert.equal(plugin?.state, "STARTED");

  // Home: the audit's health card as usual, then the card naming the plugin and why.
  const card = page.locator("section.ga-card--error", { hasText: "Hello could not be loaded" });
  await card.waitFor({ timeout: 30_000 });
  assert.match(await card.textContent(), /index\.js failed to load: .*the hello bundle is broken on purpose/);
  assert.equal(await card.getAttribute("role"), "alert");
  await page.locator("[data-audit-at-risk='3']").waitFor({ timeout: 30_000 });
  await screenshot(page, work, "plugin-error-card.png", { publish: false });

  // The sidebar: the audit's pages, and the broken plugin marked as failed (one click from its error).
  // Settings is the shell's own entry for admins, after the plugins'.
  assert.deepEqual(await sidebarLabels(page), ["Home", "Overview", "Repositories", "Runs", "Hello", "Settings"]);
  const failed = page.locator("nav.ga-sidebar a.ga-nav-failed");
  assert.equal(await failed.count(), 1);
  assert.match(await failed.textContent(), /Hello \(failed to load\)/);

  // The audit's pages still work, reached through the sidebar.
  await page.locator("nav.ga-sidebar a", { hasText: "Repositories" }).click();
  await page.waitForURL(/\/p\/audit\/repositories$/);
  await page.waitForFunction(() => document.querySelectorAll("tr[data-repo-id]").length === 4, null, { timeout: 15_000 });
  await page.locator("tr[data-repo-id] a", { hasText: "ahead" }).click();
  await page.waitForSelector("h1:text-is('ahead')", { timeout: 15_000 });
  await page.locator("nav.ga-sidebar a", { hasText: "Runs" }).click();
  await page.waitForURL(/\/p\/audit\/runs$/);
  await page.waitForFunction(() => document.querySelectorAll("table tbody tr").length >= 1, null, { timeout: 15_000 });

  // The failed entry leads to the plugin's error card at its own address.
  await failed.click();
  await page.waitForURL(/\/p\/hello\/$/);
  await page.locator("main section.ga-card--error", { hasText: "Hello could not be loaded" }).waitFor();
  assert.deepEqual(errors, []);
});
