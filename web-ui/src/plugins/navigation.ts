import type { LoadedPlugin } from "./loadPlugins";

/** Where a plugin's pages live: `/p/<id>/`. Derived from the id only, so two plugins never collide. */
export function pluginBase(id: string): string {
  return `/p/${id}/`;
}

/** A route path under the plugin's base (`""` is the base itself). */
export function pluginPath(id: string, path: string): string {
  return pluginBase(id) + path.replace(/^\/+/, "");
}

export interface NavItem {
  key: string;
  to: string;
  label: string;
  icon?: string;
  /** Set for a plugin whose bundle failed: the entry leads to its error card. */
  failed?: boolean;
}

/** One plugin's pages in the sidebar, under its name. */
export interface NavGroup {
  /** The plugin id. */
  key: string;
  /** The plugin's name, the group's heading. */
  title: string;
  items: NavItem[];
}

/**
 * The sidebar: one group per plugin, headed by its name, holding its nav entries sorted by
 * `order` (entries without one last, in their given order). Groups come in the order of their
 * lowest entry's `order`, then in the server's discovery order. A plugin whose bundle failed gets
 * a group with one marked entry, so its error is one click away.
 */
export function buildNavigation(plugins: LoadedPlugin[]): NavGroup[] {
  const groups = plugins.map((plugin, pluginIndex) => {
    const id = plugin.info.id;
    if (!plugin.definition) {
      const failed: NavItem = { key: `${id}:failed`, to: pluginBase(id), label: plugin.info.name, icon: "⚠", failed: true };
      return { group: { key: id, title: plugin.info.name, items: [failed] }, order: Infinity, index: pluginIndex };
    }
    const entries = plugin.definition.nav
      .map((entry, entryIndex) => ({ entry, entryIndex, order: entry.order ?? Infinity }))
      .sort((a, b) => (a.order === b.order ? a.entryIndex - b.entryIndex : a.order - b.order));
    const items = entries.map(({ entry, entryIndex }) => ({
      key: `${id}:${entry.path}:${entryIndex}`,
      to: pluginPath(id, entry.path),
      label: entry.label,
      icon: entry.icon,
    }));
    return { group: { key: id, title: plugin.definition.title, items }, order: entries[0]?.order ?? Infinity, index: pluginIndex };
  });
  return groups
    .filter(({ group }) => group.items.length > 0)
    .sort((a, b) => (a.order === b.order ? a.index - b.index : a.order - b.order))
    .map(({ group }) => group);
}
