import type { PluginRoute } from "@gitops-auditor/sdk";
import type { LoadedPlugin } from "./loadPlugins";

/** Where a plugin's pages live: `/p/<id>/`. Derived from the id only, so two plugins never collide. */
export function pluginBase(id: string): string {
  return `/p/${id}/`;
}

/** A route path under the plugin's base (`""` is the base itself). */
export function pluginPath(id: string, path: string): string {
  return pluginBase(id) + path.replace(/^\/+/, "");
}

/** The page shown at `/`: the first plugin, in discovery order, with a route that asks for it. */
export function findHome(plugins: LoadedPlugin[]): { plugin: LoadedPlugin; route: PluginRoute } | undefined {
  for (const plugin of plugins) {
    const route = plugin.definition?.routes.find((candidate) => candidate.home);
    if (route) return { plugin, route };
  }
  return undefined;
}

export interface NavItem {
  key: string;
  to: string;
  label: string;
  icon?: string;
  /** Set for a plugin whose bundle failed: the entry leads to its error card. */
  failed?: boolean;
}

/**
 * The sidebar: each plugin's nav entries, sorted by `order` (entries without one last, in
 * discovery order), and one entry per failed bundle so its error is one click away. An entry
 * that points at the home page's route links to `/`.
 */
export function buildNavigation(plugins: LoadedPlugin[]): NavItem[] {
  const home = findHome(plugins);
  const entries: Array<NavItem & { order: number; index: number }> = [];
  plugins.forEach((plugin, pluginIndex) => {
    const id = plugin.info.id;
    if (!plugin.definition) {
      entries.push({ key: `${id}:failed`, to: pluginBase(id), label: plugin.info.name, icon: "⚠", failed: true, order: Infinity, index: pluginIndex * 1000 });
      return;
    }
    plugin.definition.nav.forEach((entry, entryIndex) => {
      const isHome = home?.plugin === plugin && home.route.path.replace(/^\/+/, "") === entry.path.replace(/^\/+/, "");
      entries.push({
        key: `${id}:${entry.path}:${entryIndex}`,
        to: isHome ? "/" : pluginPath(id, entry.path),
        label: entry.label,
        icon: entry.icon,
        order: entry.order ?? Infinity,
        index: pluginIndex * 1000 + entryIndex,
      });
    });
  });
  entries.sort((a, b) => (a.order === b.order ? a.index - b.index : a.order - b.order));
  return entries.map(({ order: _order, index: _index, ...item }) => item);
}
