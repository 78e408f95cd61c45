import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { SHARED_MODULES } from "./sdk/shared-modules.ts";
import { DASHBOARD_OUT, VENDOR_TABLE } from "./build-paths.ts";

/**
 * The shell's build. The shared libraries stay bare imports here, resolved by the import map
 * this plugin writes into index.html from the vendor build's table (vite.vendor.config.ts runs
 * first), exactly as they are for plugin bundles.
 */
function importMap(): Plugin {
  return {
    name: "gitops-auditor-import-map",
    apply: "build",
    transformIndexHtml() {
      const imports = JSON.parse(readFileSync(VENDOR_TABLE, "utf8")) as Record<string, string>;
      const missing = SHARED_MODULES.filter((specifier) => !(specifier in imports));
      if (missing.length > 0) throw new Error(`the vendor build did not produce ${missing.join(", ")}`);
      return [
        // Must precede every module script; the server allows exactly this inline script by its hash.
        { tag: "script", attrs: { type: "importmap" }, children: JSON.stringify({ imports }), injectTo: "head-prepend" },
        ...["react", "react-dom/client", "react-router", "@gitops-auditor/sdk"].map((specifier) => ({
          tag: "link",
          attrs: { rel: "modulepreload", href: imports[specifier] },
          injectTo: "head" as const,
        })),
      ];
    },
  };
}

export default defineConfig({
  plugins: [importMap()],
  build: {
    outDir: DASHBOARD_OUT,
    emptyOutDir: false, // the vendor build's files are already there
    target: "es2022",
    rolldownOptions: {
      external: [...SHARED_MODULES],
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "sdk/src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
  },
});
