import { describe, expect, it } from "vitest";
import { definePlugin } from "@gitops-auditor/sdk";
import type { LoadedPlugin } from "./loadPlugins";
import { buildNavigation } from "./navigation";

function plugin(id: string, definition?: Parameters<typeof definePlugin>[0], error?: string): LoadedPlugin {
  return {
    info: { id, name: id.toUpperCase(), state: "STARTED", ui: { entry: `/ui/${id}/index.js`, base: `/ui/${id}/` } },
    definition: definition && definePlugin(definition),
    error,
  };
}

describe("navigation", () => {
  it("groups each plugin's pages under its title, groups ordered by their first entry's order", () => {
    const plugins = [
      plugin("a", { id: "a", title: "Alpha", nav: [{ path: "x", label: "A x" }, { path: "y", label: "A y", order: 20 }], routes: [] }),
      plugin("b", { id: "b", title: "Beta", nav: [{ path: "", label: "B", order: 10 }, { path: "z", label: "B z" }], routes: [] }),
    ];
    expect(buildNavigation(plugins).map((group) => [group.title, group.items.map((item) => [item.label, item.to])])).toEqual([
      ["Beta", [["B", "/p/b/"], ["B z", "/p/b/z"]]],
      ["Alpha", [["A y", "/p/a/y"], ["A x", "/p/a/x"]]],
    ]);
  });

  it("keeps unordered plugins last, in the server's discovery order, and leaves out plugins without pages", () => {
    const plugins = [
      plugin("c", { id: "c", title: "C", nav: [{ path: "", label: "C" }], routes: [] }),
      plugin("none", { id: "none", title: "None", routes: [] }),
      plugin("d", { id: "d", title: "D", nav: [{ path: "", label: "D" }], routes: [] }),
    ];
    expect(buildNavigation(plugins).map((group) => group.key)).toEqual(["c", "d"]);
  });

  it("lists a plugin whose bundle failed, marked, so its error is reachable", () => {
    const groups = buildNavigation([plugin("broken", undefined, "its bundle failed to load: 404")]);
    expect(groups).toEqual([
      { key: "broken", title: "BROKEN", items: [{ key: "broken:failed", to: "/p/broken/", label: "BROKEN", icon: "⚠", failed: true }] },
    ]);
  });
});
