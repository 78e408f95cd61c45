import { api, describeProblems, type PluginDefinition } from "@gitops-auditor/sdk";

/** One entry of GET /api/platform/plugins (the fields the shell reads). */
export interface PluginInfo {
  id: string;
  name: string;
  state: string;
  reason?: string;
  ui?: { entry: string; base: string };
}

/** A started plugin with a UI bundle: its definition once imported, or why it could not be. */
export interface LoadedPlugin {
  info: PluginInfo;
  definition?: PluginDefinition;
  error?: string;
}

export type ModuleImporter = (url: string) => Promise<{ default?: unknown }>;

/** The browser's own dynamic import; the URL comes from the server, so the bundler must leave it alone. */
const browserImport: ModuleImporter = (url) => import(/* @vite-ignore */ url);

/**
 * Imports every started plugin's bundle, all at once, and keeps the server's discovery order. A
 * bundle that fails to load or exports the wrong thing becomes an error naming the reason;
 * the others are unaffected.
 */
export async function loadPlugins(
  plugins: PluginInfo[],
  importer: ModuleImporter = browserImport,
): Promise<LoadedPlugin[]> {
  const withUi = plugins.filter((plugin) => plugin.state === "STARTED" && plugin.ui);
  return Promise.all(
    withUi.map(async (info): Promise<LoadedPlugin> => {
      try {
        const module = await importer(info.ui!.entry);
        const problems = describeProblems(module.default, info.id);
        if (problems.length > 0) return { info, error: `its bundle ${info.ui!.entry} is not usable: ${problems.join("; ")}` };
        return { info, definition: module.default as PluginDefinition };
      } catch (error) {
        return { info, error: `its bundle ${info.ui!.entry} failed to load: ${error instanceof Error ? error.message : String(error)}` };
      }
    }),
  );
}

export function fetchPluginList(): Promise<PluginInfo[]> {
  return api.get<PluginInfo[]>("/api/platform/plugins");
}
