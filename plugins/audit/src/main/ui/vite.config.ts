import { pluginBundleConfig } from "@gitops-auditor/sdk/vite-plugin-config";

export default pluginBundleConfig({ id: "audit" });
