import { describe, expect, it } from "vitest";
import { definePlugin } from "@gitops-auditor/sdk";
import { loadPlugins, type PluginInfo } from "./loadPlugins";

const info = (id: string, state = "STARTED"): PluginInfo => ({ id, name: id, state, ui: { entry: `/ui/${id}/index.js`, base: `/ui/${id}/` } });

describe("loadPlugins", () => {
  it("imports started bundles in discovery order and names each failure with its reason", async () => {
    const good = definePlugin({ id: "good", title: "Good", routes: [] });
    const loaded = await loadPlugins(
      [info("good"), info("throws"), info("liar"), info("stopped", "FAILED"), { id: "headless", name: "headless", state: "STARTED" }],
      async (url) => {
        if (url === "/ui/good/index.js") return { default: good };
        if (url === "/ui/liar/index.js") return { default: { ...good, id: "someone-else" } };
        throw new TypeError("Failed to fetch dynamically imported module: " + url);
      },
    );
    expect(loaded.map((plugin) => plugin.info.id)).toEqual(["good", "throws", "liar"]);
    expect(loaded[0].definition).toBe(good);
    expect(loaded[1].error).toBe(
      "its bundle /ui/throws/index.js failed to load: Failed to fetch dynamically imported module: /ui/throws/index.js",
    );
    expect(loaded[2].error).toContain("the bundle says it is 'someone-else', but the server serves it as 'liar'");
  });

  it("refuses a bundle without a plugin object as its default export", async () => {
    const [loaded] = await loadPlugins([info("bare")], async () => ({}));
    expect(loaded.error).toContain("default export is not a plugin object");
  });
});
