// One installation of the assembled server, started once with an empty plugins folder: the audit's pages at
// desktop width, at phone width (no sideways scrolling, the navigation drawer by keyboard and by button) and in
// the dark theme (readable contrast), each saved as a screenshot; then a third-party jar dropped into the plugins
// folder shows its page after a restart. The screenshots go to a temporary folder, and with E2E_SCREENSHOTS=DIR
// also to DIR (docs/development.md: refreshing docs/screenshots). Needs /usr/bin/chromium (or CHROMIUM=...).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import {
  cleanup, DESKTOP, HELLO_JAR, launchBrowser, logIn, makeClones, screenshot, sidebarLabels, skipReason, startServer, workDir,
} from "./support.mjs";

const skip = skipReason([[!existsSync(HELLO_JAR), `no example plugin at ${HELLO_JAR} (rebuild the distribution)`]]);
const PHONE = { width: 375, height: 812 };
const AUDIT_PAGES = ["Home", "Overview", "Repositories", "Runs"];

describe("one installation: the audit's pages, then a plugin jar dropped in", { skip, timeout: 180_000 }, () => {
  const defer = cleanup();
  after(defer.run);
  let work, data, plugins, repos, server, browser, session;

  before(async () => {
    work = workDir(defer);
    data = join(work, "data");
    plugins = join(work, "plugins"); // empty: only the built-in audit plugin
    repos = join(work, "repos");
    makeClones(repos, join(work, "upstream.git"), { more: true });
    // The fetch fix reaches upstream.git, a local remote, only because its folder is allowed (git.local-remotes).
    server = await startServer({ data, plugins, repos, env: { GITOPS_AUDITOR_GIT_LOCAL_REMOTES: work } });
    defer(() => server.stop());
    browser = await launchBrowser();
    defer(() => browser.close());

    // The first admin, through the setup page; the other tests reuse its session.
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await logIn(page, server.base, data);
    await page.goto(server.base + "/p/audit/");
    // A second run after the start-up one, so the trend chart and a repository's history have two points.
    await page.waitForFunction(() => document.querySelectorAll("li[data-repo-id]").length >= 3, null, { timeout: 30_000 });
    await page.locator("button:text-is('Run audit'):enabled").click({ timeout: 30_000 });
    await page.waitForFunction(async () => {
      const runs = await (await fetch("/api/audit/runs?limit=1")).json();
      return runs.total >= 2 && runs.items[0].status === "finished";
    }, null, { timeout: 30_000, polling: 200 });
    session = await context.storageState();
    await context.close();
  });

  /** A logged-in page; the browser's errors are collected into errors. */
  async function openPage(options, errors) {
    const context = await browser.newContext({ storageState: session, ...options });
    defer(() => context.close());
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    return page;
  }

  /** Opens each of the audit's pages as a user would (sidebar, then a repository's link) and saves it. */
  async function visitAuditPages(page, work, suffix, check) {
    await page.goto(server.base + "/p/audit/");
    await page.waitForFunction(() => document.querySelectorAll("li[data-repo-id]").length >= 3, null, { timeout: 30_000 });
    await page.waitForSelector(".ga-chart svg", { timeout: 15_000 }); // the trend chart has drawn (its library loads on demand)
    await check("overview");
    await screenshot(page, work, `audit-overview${suffix}.png`);

    await page.goto(server.base + "/p/audit/repositories");
    await page.waitForFunction(() => document.querySelectorAll("tr[data-repo-id]").length === 6, null, { timeout: 15_000 });
    await check("repositories");
    await screenshot(page, work, `audit-repositories${suffix}.png`);

    await page.click("tr[data-repo-id] a:text-is('behind')");
    await page.waitForSelector("h1:text-is('behind')", { timeout: 15_000 });
    await page.waitForSelector("text=History across runs", { timeout: 15_000 });
    await check("repository");
    await screenshot(page, work, `audit-detail${suffix}.png`);

    await page.goto(server.base + "/p/audit/runs");
    await page.waitForSelector("h1:text-is('Runs')", { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll("table tbody tr").length >= 2, null, { timeout: 15_000 });
    await check("runs");
    await screenshot(page, work, `audit-runs${suffix}.png`);
  }

  test("at desktop width, the sidebar lists the audit's pages and each page renders", async () => {
    const errors = [];
    const page = await openPage({ viewport: DESKTOP }, errors);
    await visitAuditPages(page, work, "", async () => {
      assert.deepEqual(await sidebarLabels(page), [...AUDIT_PAGES, "Settings"]);
    });

    // A fix: "behind" offers a fetch; it asks first (a modal dialog with the commands), then says how it went.
    await page.goto(server.base + "/p/audit/repositories");
    await page.click("tr[data-repo-id] a:text-is('behind')");
    const fix = page.locator("section[aria-label^='Fetch']");
    await fix.getByRole("button", { name: "Run fix" }).click();
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor();
    // What really runs: each remote fetched with the built-in upload-pack, whatever the clone's config says.
    assert.match(await dialog.textContent(), /git -C '\S+behind' -c 'remote\.origin\.uploadpack=git-upload-pack' fetch --no-recurse-submodules -- 'origin'/);
    await screenshot(page, work, "audit-fix-confirm.png", { fullPage: false });
    await dialog.getByRole("button", { name: "Run fix" }).click();
    await fix.locator("strong", { hasText: "done" }).waitFor({ timeout: 15_000 });
    await screenshot(page, work, "audit-fix.png");
    assert.deepEqual(errors, []);
  });

  test("at phone width (375×812), nothing scrolls sideways and the drawer opens by keyboard and by button", async () => {
    const errors = [];
    const page = await openPage({ viewport: PHONE }, errors);
    const scrollWidth = () => page.evaluate(() => document.scrollingElement.scrollWidth);
    await visitAuditPages(page, work, "-375", async (name) => {
      assert.ok((await scrollWidth()) <= PHONE.width, `the ${name} page is ${await scrollWidth()} px wide at 375`);
    });

    await page.goto(server.base + "/p/audit/");
    await page.waitForSelector("text=At risk of losing work", { timeout: 30_000 });
    const menu = page.locator("button.ga-menu-button");
    const sidebar = page.locator("nav.ga-sidebar");
    assert.equal(await sidebar.isVisible(), false, "the drawer starts closed");
    assert.equal(await menu.getAttribute("aria-expanded"), "false");

    // Keyboard: Tab from the top of the page reaches the menu button (after the skip link); Enter opens it.
    for (let i = 0; i < 5 && !(await menu.evaluate((button) => button === document.activeElement)); i++) await page.keyboard.press("Tab");
    assert.ok(await menu.evaluate((button) => button === document.activeElement), "Tab reaches the menu button");
    await page.keyboard.press("Enter");
    await sidebar.waitFor({ state: "visible" });
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    assert.deepEqual(await sidebarLabels(page), [...AUDIT_PAGES, "Settings"]);
    assert.ok((await scrollWidth()) <= PHONE.width, "the open drawer makes the page scroll sideways");
    await page.keyboard.press("Escape");
    await sidebar.waitFor({ state: "hidden" });

    // Button: a click opens it; following a link closes it on the new page.
    await menu.click();
    await sidebar.waitFor({ state: "visible" });
    await page.waitForTimeout(300); // the drawer's slide-in, for the screenshot
    await screenshot(page, work, "audit-drawer-375.png", { fullPage: false });
    await sidebar.getByRole("link", { name: "Runs" }).click();
    await page.waitForURL(/\/p\/audit\/runs$/);
    await sidebar.waitFor({ state: "hidden" });
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    assert.deepEqual(errors, []);
  });

  test("in the dark theme, text keeps a readable contrast", async () => {
    const errors = [];
    const page = await openPage({ viewport: DESKTOP, colorScheme: "dark" }, errors);
    await page.goto(server.base + "/p/audit/");
    await page.waitForFunction(() => document.querySelectorAll("li[data-repo-id]").length >= 3, null, { timeout: 30_000 });
    await page.waitForSelector(".ga-chart svg", { timeout: 15_000 });
    assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), true);
    await screenshot(page, work, "audit-overview-dark.png");
    const poor = await page.evaluate(lowContrastText);
    assert.deepEqual(poor, [], "text below WCAG AA contrast in the dark theme");
    await page.goto(server.base + "/p/audit/repositories");
    await page.waitForFunction(() => document.querySelectorAll("tr[data-repo-id]").length === 6, null, { timeout: 15_000 });
    await screenshot(page, work, "audit-repositories-dark.png", { publish: false });
    assert.deepEqual(await page.evaluate(lowContrastText), [], "text below WCAG AA contrast in the dark theme");
    assert.deepEqual(errors, []);
  });

  test("a plugin jar dropped into the plugins folder shows its page in the sidebar after a restart", async () => {
    const errors = [];
    let page = await openPage({ viewport: DESKTOP, storageState: undefined }, errors);
    await logIn(page, server.base, data);
    await page.waitForSelector("text=Repository health", { timeout: 30_000 }); // the audit's home card
    assert.deepEqual(await sidebarLabels(page), [...AUDIT_PAGES, "Settings"], "no Hello page before its jar is there");
    await page.context().close();

    await server.stop();
    copyFileSync(HELLO_JAR, join(plugins, "hello-plugin.jar"));
    server = await startServer({ data, plugins, repos, env: { GITOPS_AUDITOR_GIT_LOCAL_REMOTES: work } });

    page = await openPage({ viewport: DESKTOP, storageState: undefined }, errors);
    await logIn(page, server.base, data); // the same data folder: the admin made before the restart logs in
    await page.waitForSelector("nav.ga-sidebar a:has-text('Hello')", { timeout: 30_000 });
    assert.deepEqual(await sidebarLabels(page), [...AUDIT_PAGES, "Hello", "Settings"]);
    await page.waitForSelector("text=Latest greeting"); // its card in the home grid, beside the audit's

    await page.locator("nav.ga-sidebar a:has-text('Hello')").click();
    await page.waitForURL(/\/p\/hello\/$/);
    await page.waitForSelector("h1:text-is('Hello')");
    await page.getByText("No greetings yet: greet someone above.").waitFor();
    // Greet: a POST through the SDK (session cookie and CSRF token), then the list refreshes.
    await page.getByLabel("Name").fill("e2e");
    await page.getByRole("button", { name: "Greet", exact: true }).click();
    await page.waitForSelector("table tr:has(td:text-is('Hello, e2e!'))", { timeout: 15_000 });
    assert.equal(await page.locator("[role=alert]").count(), 0, "no error after greeting");
    assert.deepEqual(errors, []);
  });
});

/**
 * Runs in the page: every element with its own visible text whose colour against its effective background
 * is below WCAG AA (4.5:1, or 3:1 for large text), as "tag.class 'text' 2.1:1" strings. The background is
 * the first opaque one up the tree (translucent ones are blended on it; the page's own at the top).
 */
function lowContrastText() {
  const parse = (css) => {
    const m = css.match(/rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/);
    return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : undefined;
  };
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const color = parse(getComputedStyle(e).backgroundColor);
      if (color && color.a > 0) layers.push(color);
      if (color && color.a === 1) break;
    }
    let result = layers.at(-1)?.a === 1 ? layers.pop() : { r: 255, g: 255, b: 255, a: 1 };
    while (layers.length) result = blend(layers.pop(), result);
    return result;
  };
  const poor = [];
  for (const element of document.body.querySelectorAll("*")) {
    const ownText = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim();
    if (!ownText) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility !== "visible" || box.width === 0 || box.height === 0 || element.closest(".ga-visually-hidden, [aria-hidden=true]")) continue;
    const fg = parse(element instanceof SVGElement && style.fill.startsWith("rgb") ? style.fill : style.color);
    if (!fg) continue;
    const bg = background(element);
    const [hi, lo] = [luminance(blend(fg, bg)), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) poor.push(`${element.tagName.toLowerCase()}.${element.className} '${ownText.slice(0, 30)}' ${ratio.toFixed(2)}:1`);
  }
  return poor;
}
