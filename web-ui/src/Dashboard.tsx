import { useEffect, useState } from "react";
import { Route, Routes, useLocation } from "react-router";
import { ErrorCard, type Caller } from "@gitops-auditor/sdk";
import { Layout } from "./layout/Layout";
import { fetchPluginList, loadPlugins, type LoadedPlugin, type PluginInfo } from "./plugins/loadPlugins";
import { buildNavigation, pluginBase, pluginPath } from "./plugins/navigation";
import { PluginBoundary } from "./plugins/PluginBoundary";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SettingsPage } from "./settings/SettingsPage";
import { GetStarted } from "./onboarding/GetStarted";

/** The shell's own page for admins, after the plugins' entries. */
/** The shell's own pages for admins, after the plugins' groups. */
const PLATFORM_NAV = { key: "platform", title: "Platform", items: [{ key: "platform:settings", to: "/settings", label: "Settings", icon: "⚙" }] };

type Plugins = { list: PluginInfo[]; loaded: LoadedPlugin[] } | { error: string } | undefined;

/** The logged-in dashboard: every started plugin's bundle imported, its pages routed under /p/<id>/. */
export function Dashboard({ caller, onLogout }: { caller: Caller; onLogout: () => void }) {
  const [plugins, setPlugins] = useState<Plugins>();
  const location = useLocation();

  useEffect(() => {
    let current = true;
    fetchPluginList()
      .then(async (list) => ({ list, loaded: await loadPlugins(list) }))
      .then(
        (result) => current && setPlugins(result),
        (error: Error) => current && setPlugins({ error: error.message }),
      );
    return () => {
      current = false;
    };
  }, []);

  const loaded = plugins && "loaded" in plugins ? plugins.loaded : [];
  const isAdmin = caller.scope === "ADMIN";

  return (
    <Layout caller={caller} onLogout={onLogout} navigation={[...buildNavigation(loaded), ...(isAdmin ? [PLATFORM_NAV] : [])]}>
      {plugins === undefined ? (
        <p className="ga-loading">Loading plugins…</p>
      ) : "error" in plugins ? (
        <ErrorCard title="The plugin list could not be loaded" reason={plugins.error} />
      ) : (
        <Routes>
          <Route path="/" element={<HomePage plugins={plugins.loaded} pluginCount={plugins.list.length} leading={isAdmin ? <GetStarted /> : null} />} />
          {plugins.loaded.map((plugin) =>
            plugin.definition ? (
              plugin.definition.routes.map((route) => {
                const Page = route.component;
                return (
                  <Route
                    key={`${plugin.info.id}:${route.path}`}
                    path={pluginPath(plugin.info.id, route.path)}
                    element={
                      <PluginBoundary key={location.pathname} pluginName={plugin.info.name}>
                        <Page />
                      </PluginBoundary>
                    }
                  />
                );
              })
            ) : (
              <Route
                key={plugin.info.id}
                path={`${pluginBase(plugin.info.id)}*`}
                element={<ErrorCard title={`${plugin.info.name} could not be loaded`} reason={plugin.error ?? "unknown"} />}
              />
            ),
          )}
          {isAdmin && <Route path="/settings" element={<SettingsPage />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      )}
    </Layout>
  );
}
