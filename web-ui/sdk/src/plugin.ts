import type { ComponentType } from "react";

/**
 * The contract between the dashboard shell and a plugin's UI bundle. A bundle is one ES module
 * whose default export is the object {@link definePlugin} returns; the shell imports it at run
 * time from the `ui.entry` that GET /api/platform/plugins lists.
 */

/** The shell's UI contract version; a bundle built for another major is refused with a clear error. */
export const SHELL_API_VERSION = "1.0";

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
   * Asks for this page to be the dashboard's home page (`/`) as well. The first started plugin
   * (in the server's discovery order) that asks gets it; the others keep their page under `/p/<id>/`.
   */
  home?: boolean;
}

/** A card on the home page. */
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
}

export type PluginInput = Omit<PluginDefinition, "shellApi" | "nav" | "widgets"> &
  Partial<Pick<PluginDefinition, "shellApi" | "nav" | "widgets">>;

/** Declares a plugin's UI; the bundle's default export must be its result. Checks the shape early. */
export function definePlugin(input: PluginInput): PluginDefinition {
  const definition: PluginDefinition = {
    shellApi: SHELL_API_VERSION,
    nav: [],
    widgets: [],
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
  const major = String(plugin.shellApi ?? SHELL_API_VERSION).split(".")[0];
  if (major !== SHELL_API_VERSION.split(".")[0])
    problems.push(`built for shell API ${plugin.shellApi}, but this dashboard offers ${SHELL_API_VERSION}`);
  return problems;
}
