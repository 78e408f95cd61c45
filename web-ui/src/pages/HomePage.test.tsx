import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { definePlugin } from "@gitops-auditor/sdk";
import type { LoadedPlugin } from "../plugins/loadPlugins";
import { HomePage } from "./HomePage";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const Health = () => <p>3 at risk</p>;
const Greeting = () => <p>Hello, world!</p>;

function plugin(id: string, definition?: Parameters<typeof definePlugin>[0], error?: string): LoadedPlugin {
  return {
    info: { id, name: id === "audit" ? "Audit" : "Hello", state: "STARTED", ui: { entry: `/ui/${id}/index.js`, base: `/ui/${id}/` } },
    definition: definition && definePlugin(definition),
    error,
  };
}

describe("HomePage", () => {
  let root: Root | undefined;
  afterEach(() => act(() => root?.unmount()));

  function render(plugins: LoadedPlugin[], leading?: ReactNode) {
    const container = document.createElement("div");
    act(() => {
      root = createRoot(container);
      root.render(<MemoryRouter><HomePage plugins={plugins} pluginCount={plugins.length} leading={leading} /></MemoryRouter>);
    });
    return container;
  }

  it("shows every plugin's cards in one grid, each linking to its plugin's page, after the leading slot", () => {
    const container = render([
      plugin("audit", { id: "audit", title: "Audit", routes: [], cards: [{ id: "health", title: "Repository health", component: Health, link: "repositories" }] }),
      plugin("hello", { id: "hello", title: "Hello", routes: [], widgets: [{ id: "latest", title: "Latest greeting", component: Greeting }] }),
    ], <section data-slot="get-started">Get started</section>);

    expect(container.querySelector("[data-slot=get-started] + .ga-home-grid")).not.toBeNull();
    const cards = [...container.querySelectorAll(".ga-home-grid .ga-card")];
    expect(cards.map((card) => card.querySelector("h2")?.textContent)).toEqual(["Repository health", "Latest greeting"]);
    expect(cards[0].textContent).toContain("3 at risk");
    expect(cards[0].querySelector("a")?.getAttribute("href")).toBe("/p/audit/repositories");
    expect(cards[0].querySelector("a")?.textContent).toBe("Open Audit →");
    expect(cards[1].querySelector("a")).toBeNull();
  });

  it("shows a bundle that failed as an error card naming it, beside the others' cards", () => {
    const container = render([
      plugin("audit", { id: "audit", title: "Audit", routes: [], cards: [{ id: "health", title: "Repository health", component: Health }] }),
      plugin("hello", undefined, "its bundle /ui/hello/index.js failed to load: boom"),
    ]);
    expect(container.querySelectorAll(".ga-home-grid .ga-card")).toHaveLength(1);
    expect(container.querySelector("[role=alert]")?.textContent).toContain("Hello could not be loaded");
  });
});
