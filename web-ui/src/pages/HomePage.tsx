import type { PluginRoute } from "@gitops-auditor/sdk";
import { Card, EmptyState, ErrorCard } from "@gitops-auditor/sdk";
import type { LoadedPlugin } from "../plugins/loadPlugins";
import { PluginBoundary } from "../plugins/PluginBoundary";

/**
 * `/`: the page a plugin claimed as home (if any), then every plugin's widgets, then an error card
 * per bundle that failed. With none of these, a friendly explanation of how pages appear.
 */
export function HomePage({
  plugins,
  pluginCount,
  home,
}: {
  plugins: LoadedPlugin[];
  pluginCount: number;
  home?: { plugin: LoadedPlugin; route: PluginRoute };
}) {
  const widgets = plugins.flatMap((plugin) => (plugin.definition?.widgets ?? []).map((widget) => ({ plugin, widget })));
  const failed = plugins.filter((plugin) => plugin.error);
  const HomeComponent = home?.route.component;

  return (
    <>
      {HomeComponent ? (
        <PluginBoundary pluginName={home.plugin.info.name}>
          <HomeComponent />
        </PluginBoundary>
      ) : (
        <h1>Overview</h1>
      )}
      {widgets.length > 0 && (
        <div className="ga-widgets">
          {widgets.map(({ plugin, widget }) => {
            const Widget = widget.component;
            return (
              <Card key={`${plugin.info.id}:${widget.id}`} title={widget.title}>
                <PluginBoundary pluginName={plugin.info.name}>
                  <Widget />
                </PluginBoundary>
              </Card>
            );
          })}
        </div>
      )}
      {failed.map((plugin) => (
        <ErrorCard key={plugin.info.id} title={`${plugin.info.name} could not be loaded`} reason={plugin.error!} />
      ))}
      {!HomeComponent && widgets.length === 0 && failed.length === 0 && (
        <EmptyState title="Nothing to show yet" icon="🌱">
          <p>
            {pluginCount === 0
              ? "No plugins are installed. "
              : `${pluginCount} ${pluginCount === 1 ? "plugin is" : "plugins are"} installed, but none adds a page or widget here. `}
            Plugins add their pages to the sidebar and their widgets to this page. Drop a plugin jar into the server's{" "}
            <code>plugins/</code> folder and restart it; <code>gitops-auditor plugins</code> lists what the server found.
          </p>
        </EmptyState>
      )}
    </>
  );
}
