import { useEffect, useMemo, useState } from "react";
// Not "@rjsf/core": its index also exports a test helper that imports the AJV validator (see validator.ts).
import Form from "@rjsf/core/lib/components/Form.js";
import type { ErrorSchema, RegistryFieldsType, RegistryWidgetsType, RJSFSchema } from "@rjsf/utils";
import { ApiError } from "../api";
import {
  buildUiSchema, changedValues, formSchema, initialFormValues, placeServerErrors, type FieldError, type FormValues,
  type PlacedErrors,
} from "./settingsSchema";
import type { SchemaFormProps } from "./SchemaFormProps";
import { schemaValidator } from "./validator";
import { ChoiceWidget, FieldTemplate, FolderWidget, ListField, ObjectFieldTemplate, SecretWidget } from "./widgets";

const widgets: RegistryWidgetsType = { folder: FolderWidget, secret: SecretWidget, select: ChoiceWidget };
const fields: RegistryFieldsType = { list: ListField };
const templates = { FieldTemplate, ObjectFieldTemplate };

type Outcome = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed"; message: string };

/** The form itself, behind SchemaForm's lazy import: this module is what pulls @rjsf/core in. */
export default function SchemaFormBody({ schema, values, sources = {}, fixedBy = {}, onSubmit, submitLabel = "Save", idPrefix = "root" }: SchemaFormProps) {
  const initial = useMemo(() => initialFormValues(schema, values), [schema, values]);
  const [data, setData] = useState<FormValues>(initial);
  const [serverErrors, setServerErrors] = useState<PlacedErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  // New values from the server (after a save or a live change) replace what the form shows.
  useEffect(() => setData(initial), [initial]);

  async function save(edited: FormValues) {
    const changes = changedValues(schema, initial, edited, sources);
    if (Object.keys(changes).length === 0) {
      setOutcome({ kind: "failed", message: "Nothing to save: no setting was changed." });
      return;
    }
    setServerErrors({});
    setOutcome({ kind: "saving" });
    try {
      await onSubmit(changes);
      setOutcome({ kind: "saved" });
    } catch (error) {
      const problemErrors = error instanceof ApiError && Array.isArray(error.problem?.errors) ? (error.problem.errors as FieldError[]) : [];
      const { placed, unplaced } = placeServerErrors(schema, problemErrors, edited);
      setServerErrors(placed);
      const message = error instanceof Error ? error.message : String(error);
      setOutcome({ kind: "failed", message: [message, ...unplaced].join(" ") });
    }
  }

  return (
    <Form
      className="ga-schema-form"
      // The settings types are a subset of JSON Schema; the library's type is the full draft 7 shape.
      schema={formSchema(schema, values) as RJSFSchema}
      uiSchema={buildUiSchema(schema, values, sources, fixedBy)}
      formData={data}
      validator={schemaValidator}
      widgets={widgets}
      fields={fields}
      templates={templates}
      idPrefix={idPrefix}
      extraErrors={serverErrors as ErrorSchema}
      showErrorList={false}
      noHtml5Validate
      onChange={(event) => setData(event.formData as FormValues)}
      onSubmit={(event) => void save(event.formData as FormValues)}
      onError={() => setOutcome({ kind: "failed", message: "Some values are not valid: see the fields marked above." })}
    >
      <div className="ga-form-actions">
        <button type="submit" className="ga-button--primary" disabled={outcome.kind === "saving"}>
          {outcome.kind === "saving" ? "Saving…" : submitLabel}
        </button>
        <span role="status" aria-live="polite" className={outcome.kind === "failed" ? "ga-form-error" : "ga-form-note"}>
          {outcome.kind === "saved" ? "Saved." : outcome.kind === "failed" ? outcome.message : ""}
        </span>
      </div>
    </Form>
  );
}
