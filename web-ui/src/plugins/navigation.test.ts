import { describe, expect, it } from "vitest";
import { definePlugin } from "@gitops-auditor/sdk";
import type { LoadedPlugin } from "./loadPlugins";
import { buildNavigation, findHome } from "./navigation";

const Page = () => null;

function plugin(id: string, definition?: Parameters<typeof definePlugin>[0], error?: string): LoadedPlugin {
  return {
    info: { id, name: id.toUpperCase(), state: "STARTED", ui: { entry: `/ui/${id}/index.js`, base: `/ui/${id}/` } },
    definition: definition && definePlugin(definition),
    error,
  };
}

describe("navigation", () => {
  it("sorts entries by order across plugins, unordered ones last in discovery order", () => {
    const plugins = [
      plugin("a", { id: "a", title: "A", nav: [{ path: "x", label: "A x" }, { path: "y", label: "A y", order: 20 }], routes: [] }),
      plugin("b", { id: "b", title: "B", nav: [{ path: "", label: "B", order: 10 }, { path: "z", label: "B z" }], routes: [] }),
    ];
    expect(buildNavigation(plugins).map((item) => [item.label, item.to])).toEqual([
      ["B", "/p/b/"],
      ["A y", "/p/a/y"],
      ["A x", "/p/a/x"],
      ["B z", "/p/b/z"],
    ]);
  });

  it("gives the home page to the first plugin that asks, and links its entry to /", () => {
    const plugins = [
      plugin("first", { id: "first", title: "First", nav: [{ path: "", label: "Overview" }], routes: [{ path: "", component: Page, home: true }] }),
      plugin("second", { id: "second", title: "Second", nav: [{ path: "", label: "Second" }], routes: [{ path: "", component: Page, home: true }] }),
    ];
    expect(findHome(plugins)?.plugin.info.id).toBe("first");
    expect(buildNavigation(plugins).map((item) => item.to)).toEqual(["/", "/p/second/"]);
  });

  it("lists a plugin whose bundle failed, marked, so its error is reachable", () => {
    const items = buildNavigation([plugin("broken", undefined, "its bundle failed to load: 404")]);
    expect(items).toEqual([{ key: "broken:failed", to: "/p/broken/", label: "BROKEN", icon: "⚠", failed: true }]);
  });
});
