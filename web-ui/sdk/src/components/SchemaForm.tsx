import { lazy, Suspense } from "react";
import type { SchemaFormProps } from "../forms/SchemaFormProps";

// The form library (about 90 kB gzipped with its helpers) loads with the first form a page shows,
// not with the dashboard: most pages have no form.
const SchemaFormBody = lazy(() => import("../forms/SchemaFormBody"));

/**
 * A form built from a JSON Schema, with widgets for the settings types (folder, list, secret,
 * choice, ...), the browser's check against the schema before sending, the server's errors
 * shown on their fields and fixed values shown read-only with their source. See
 * {@link SchemaFormProps} and docs/plugin-guide.md.
 */
export function SchemaForm(props: SchemaFormProps) {
  return (
    <Suspense fallback={<p className="ga-loading">Loading the form…</p>}>
      <SchemaFormBody {...props} />
    </Suspense>
  );
}
