import type { ComponentType } from "react";

/**
 * The contract between the dashboard shell and a plugin's UI bundle. A bundle is one ES module
 * whose default export is the object {@link definePlugin} returns; the shell imports it at run
 * time from the `ui.entry` that GET /api/platform/plugins lists.
 */

/** The shell's UI contract version; a bundle built for another major is refused with a clear error. */
export const SHELL_API_VERSION = "1.1";

/** A sidebar entry. `path` is relative to the plugin's base route `/p/<id>/` ("" is the base itself). */
export interface NavEntry {
  path: string;
  label: string;
  /** One emoji or character shown before the label; purely decorative (hidden from screen readers). */
  icon?: string;
  /** Sort key across all plugins, lowest first; entries without one come last, in discovery order. */
  order?: number;
}

/** A page. Mounted at `/p/<id>/<path>`; `path` may use react-router patterns such as `repos/:name`. */
export interface PluginRoute {
  path: string;
  component: ComponentType;
  /**
   * No longer used (shell API 1.0 only): the home page is now the grid of every plugin's
   * {@link HomeCard}s, and no plugin's page takes it over. Still accepted, and ignored.
   */
  home?: boolean;
}

/**
 * A card in the home page's grid (shell API 1.1): the plugin's headline (a figure or two, kept
 * live), with a link to the plugin's page. The home page is the fleet's front page: each plugin
 * contributes its cards, in the sidebar's plugin order.
 */
export interface HomeCard {
  /** Unique within the plugin. */
  id: string;
  /** The card's heading (its accessible name). */
  title: string;
  /** The headline: a component without props. It renders inside the card, under an error boundary of its own. */
  component: ComponentType;
  /** The page the card leads to, relative to `/p/<id>/` (`""` is the plugin's first page). */
  link?: string;
  /** The link's text; `"Open <plugin title>"` by default. */
  linkLabel?: string;
}

/** A card on the home page without a link (shell API 1.0); {@link HomeCard} is the newer form. */
export interface PluginWidget {
  id: string;
  title: string;
  component: ComponentType;
}

export interface PluginDefinition {
  /** Must equal the server-side plugin id; the shell refuses a bundle that claims another. */
  id: string;
  title: string;
  /** The shell contract this bundle was written for, `MAJOR.MINOR`; defaults to the SDK's version at build time. */
  shellApi: string;
  nav: NavEntry[];
  routes: PluginRoute[];
  widgets: PluginWidget[];
  /** The plugin's cards in the home page's grid. */
  cards: HomeCard[];
}

export type PluginInput = Omit<PluginDefinition, "shellApi" | "nav" | "widgets" | "cards"> &
  Partial<Pick<PluginDefinition, "shellApi" | "nav" | "widgets" | "cards">>;

/** Declares a plugin's UI; the bundle's default export must be its result. Checks the shape early. */
export function definePlugin(input: PluginInput): PluginDefinition {
  const definition: PluginDefinition = {
    shellApi: SHELL_API_VERSION,
    nav: [],
    widgets: [],
    cards: [],
    ...input,
  };
  const problems = describeProblems(definition);
  if (problems.length > 0) {
    throw new Error(`${input.id ?? "plugin"}: ${problems.join("; ")}`);
  }
  return definition;
}

/** What is wrong with a bundle's default export, in words for the error card (empty when fine). */
export function describeProblems(value: unknown, expectedId?: string): string[] {
  if (value === null || typeof value !== "object") {
    return ["the bundle's default export is not a plugin object; export default definePlugin({...})"];
  }
  const plugin = value as Partial<PluginDefinition>;
  const problems: string[] = [];
  if (typeof plugin.id !== "string") problems.push("id is missing");
  else if (expectedId !== undefined && plugin.id !== expectedId)
    problems.push(`the bundle says it is '${plugin.id}', but the server serves it as '${expectedId}'`);
  if (typeof plugin.title !== "string") problems.push("title is missing");
  if (!Array.isArray(plugin.routes)) problems.push("routes must be an array");
  else if (plugin.routes.some((route) => typeof route?.path !== "string" || typeof route.component !== "function"))
    problems.push("every route needs a path and a component");
  if (plugin.nav !== undefined && !Array.isArray(plugin.nav)) problems.push("nav must be an array");
  if (plugin.widgets !== undefined && !Array.isArray(plugin.widgets)) problems.push("widgets must be an array");
  if (plugin.cards !== undefined && !Array.isArray(plugin.cards)) problems.push("cards must be an array");
  else if (plugin.cards?.some((card) => typeof card?.id !== "string" || typeof card.title !== "string" || typeof card.component !== "function"))
    problems.push("every card needs an id, a title and a component");
  const major = String(plugin.shellApi ?? SHELL_API_VERSION).split(".")[0];
  if (major !== SHELL_API_VERSION.split(".")[0])
    problems.push(`built for shell API ${plugin.shellApi}, but this dashboard offers ${SHELL_API_VERSION}`);
  return problems;
}
