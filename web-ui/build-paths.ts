import { fileURLToPath } from "node:url";

/**
 * Where the builds write: straight into the Maven module's target/classes, under the folder the
 * kernel serves at "/" (META-INF is never a Java package, so the jar's module does not hide it).
 */
export const DASHBOARD_OUT = fileURLToPath(new URL("./target/classes/META-INF/gitops-auditor/dashboard", import.meta.url));
/** The vendor build's specifier -> hashed file table, which the shell build turns into the import map. */
export const VENDOR_TABLE = fileURLToPath(new URL("./target/vendor-modules.json", import.meta.url));
