import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { FORM_CORE_EXPORTS, ROUTER_EXPORTS, SHARED_MODULES } from "./sdk/shared-modules.ts";
import { DASHBOARD_OUT, VENDOR_TABLE } from "./build-paths.ts";

/**
 * The shared libraries, built once as ES modules under /vendor/ for the import map: each entry
 * re-exports one specifier of SHARED_MODULES, and rolldown puts what they share (React itself)
 * in common chunks, so the page holds exactly one React however many bundles import it.
 */

const require = createRequire(import.meta.url);
const PREFIX = "\0vendor:";

/** File-name-safe entry name of a specifier: "react-dom/client" -> "react-dom-client". */
const entryName = (specifier: string) => specifier.replace(/^@[^/]+\//, "").replace(/\//g, "-");

/** React and react-dom ship CommonJS only: list their exports by name, or importers would see only a default. */
function reexport(specifier: string): string {
  if (specifier === "@gitops-auditor/sdk" || specifier === "@rjsf/utils") return `export * from "${specifier}";`;
  // The SDK imports Form by this same file, so bundles and the SDK share one copy of the library.
  if (specifier === "@rjsf/core") {
    return Object.entries(FORM_CORE_EXPORTS).map(([name, file]) => `export { default as ${name} } from "@rjsf/core/lib/${file}";`).join("\n");
  }
  // The declarative part only: all of react-router (data routers, server rendering, RSC) would triple its size.
  if (specifier === "react-router") return `export { ${ROUTER_EXPORTS.join(", ")} } from "react-router";`;
  const names = Object.keys(require(specifier)).filter((name) => name !== "default" && /^[A-Za-z_$][\w$]*$/.test(name));
  return `import module from "${specifier}";\nexport default module;\nexport const { ${names.join(", ")} } = module;\n`;
}

function vendorEntries(): Plugin {
  return {
    name: "gitops-auditor-vendor-entries",
    resolveId: (id) => (id.startsWith(PREFIX) ? id : null),
    load: (id) => (id.startsWith(PREFIX) ? reexport(id.slice(PREFIX.length)) : null),
    generateBundle(_options, bundle) {
      const table: Record<string, string> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === "chunk" && chunk.isEntry && chunk.facadeModuleId?.startsWith(PREFIX)) {
          table[chunk.facadeModuleId.slice(PREFIX.length)] = `/${chunk.fileName}`;
        }
      }
      mkdirSync(dirname(VENDOR_TABLE), { recursive: true });
      writeFileSync(VENDOR_TABLE, JSON.stringify(table, null, 2));
    },
  };
}

export default defineConfig({
  // react-router's package exports point at its development build only; its production build sits beside it.
  resolve: { alias: [{ find: /^react-router$/, replacement: require.resolve("react-router").replace(/development\/index\.m?js$/, "production/index.mjs") }] },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  plugins: [vendorEntries()],
  build: {
    outDir: DASHBOARD_OUT,
    emptyOutDir: true, // this build runs first: it clears the shell's old hashed files too
    copyPublicDir: false,
    target: "es2022",
    rolldownOptions: {
      input: Object.fromEntries(SHARED_MODULES.map((specifier) => [entryName(specifier), PREFIX + specifier])),
      // Keep every named export of each entry, though nothing in this build imports them.
      preserveEntrySignatures: "strict",
      // react-router marks itself "use client" for server rendering, which has no meaning here.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      output: {
        format: "es",
        entryFileNames: "vendor/[name]-[hash].js",
        chunkFileNames: "vendor/[name]-[hash].js",
      },
    },
  },
});
