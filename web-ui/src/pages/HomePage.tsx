import type { ReactNode } from "react";
import { Link } from "react-router";
import type { ComponentType } from "react";
import { Card, EmptyState, ErrorCard } from "@gitops-auditor/sdk";
import type { LoadedPlugin } from "../plugins/loadPlugins";
import { pluginPath } from "../plugins/navigation";
import { PluginBoundary } from "../plugins/PluginBoundary";

/** One card of the grid, whichever plugin it came from. */
interface GridCard {
  key: string;
  plugin: LoadedPlugin;
  title: string;
  component: ComponentType;
  link?: { to: string; label: string };
}

/**
 * Every plugin's home cards (`cards`, and the older `widgets`), in the sidebar's plugin order:
 * each card's `link` is relative to the plugin's base.
 */
export function homeCards(plugins: LoadedPlugin[]): GridCard[] {
  return plugins.flatMap((plugin) => {
    const definition = plugin.definition;
    if (!definition) return [];
    const id = plugin.info.id;
    const cards = definition.cards.map((card) => ({
      key: `${id}:card:${card.id}`,
      plugin,
      title: card.title,
      component: card.component,
      link: { to: pluginPath(id, card.link ?? ""), label: card.linkLabel ?? `Open ${definition.title}` },
    }));
    const widgets = definition.widgets.map((widget) => ({ key: `${id}:widget:${widget.id}`, plugin, title: widget.title, component: widget.component }));
    return [...cards, ...widgets];
  });
}

/**
 * `/`, the fleet's front page: first the `leading` slot (the get-started card while setup is
 * incomplete), then a grid of every plugin's cards, each under its own error boundary, then an
 * error card per bundle that failed. With nothing to show, how pages and cards appear.
 */
export function HomePage({ plugins, pluginCount, leading }: { plugins: LoadedPlugin[]; pluginCount: number; leading?: ReactNode }) {
  const cards = homeCards(plugins);
  const failed = plugins.filter((plugin) => plugin.error);

  return (
    <>
      <h1>Home</h1>
      {leading}
      {cards.length > 0 && (
        <div className="ga-widgets ga-home-grid">
          {cards.map(({ key, plugin, title, component: Headline, link }) => (
            <Card key={key} title={title}>
              <PluginBoundary pluginName={plugin.info.name}>
                <Headline />
              </PluginBoundary>
              {link && (
                <p className="ga-home-card__link">
                  <Link to={link.to}>{link.label} →</Link>
                </p>
              )}
            </Card>
          ))}
        </div>
      )}
      {failed.map((plugin) => (
        <ErrorCard key={plugin.info.id} title={`${plugin.info.name} could not be loaded`} reason={plugin.error!} />
      ))}
      {cards.length === 0 && failed.length === 0 && (
        <EmptyState title="Nothing to show yet" icon="🌱">
          <p>
            {pluginCount === 0
              ? "No plugins are installed. "
              : `${pluginCount} ${pluginCount === 1 ? "plugin is" : "plugins are"} installed, but none adds a card here. `}
            Plugins add their pages to the sidebar and their cards to this page. Drop a plugin jar into the server's{" "}
            <code>plugins/</code> folder and restart it; <code>gitops-auditor plugins</code> lists what the server found.
          </p>
        </EmptyState>
      )}
    </>
  );
}
