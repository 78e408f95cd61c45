import type { UserConfig } from "vite";
import { SHARED_MODULES } from "./shared-modules";

export { SHARED_MODULES };

/**
 * The Vite config of a plugin's UI bundle: one ES module, `index.js`, with React, react-router
 * and the SDK left as bare imports for the dashboard's import map, written where the plugin's
 * jar picks it up (`META-INF/ui/<id>/`). In the plugin's `src/main/ui/vite.config.ts`:
 *
 *   import { pluginBundleConfig } from "@gitops-auditor/sdk/vite-plugin-config";
 *   export default pluginBundleConfig({ id: "audit" });
 *
 * and register it in the plugin with `context.ui().bundle("META-INF/ui/audit", "index.js")`.
 */
export function pluginBundleConfig({
  id,
  entry = "src/index.tsx",
  outDir = `../../../target/classes/META-INF/ui/${id}`,
}: {
  /** The plugin id, as in its Java descriptor. */
  id: string;
  /** The module whose default export is `definePlugin({...})`, relative to the config. */
  entry?: string;
  /** Defaults to the Maven module's target/classes, assuming the config sits in src/main/ui. */
  outDir?: string;
}): UserConfig {
  return {
    // The bundle is served at /ui/<id>/: assets it imports resolve from there.
    base: `/ui/${id}/`,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry, formats: ["es"], fileName: () => "index.js" },
      rolldownOptions: {
        external: (source: string) => (SHARED_MODULES as readonly string[]).includes(source),
      },
      // One request for the entry; code split by dynamic import() still works.
      sourcemap: false,
    },
  };
}
