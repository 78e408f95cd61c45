import type { ChangeEvent } from "react";
import type { FieldProps, FieldTemplateProps, ObjectFieldTemplateProps, WidgetProps } from "@rjsf/utils";
import type { SecretState, SettingProperty } from "./settingsSchema";

/**
 * The parts of @rjsf/core that SchemaForm replaces: the widgets of the `x-setting` types and the
 * templates, which render the dashboard's own markup (ga-* classes) instead of the library's
 * Bootstrap classes, so a form looks like the rest of the dashboard in both themes.
 */

/** What buildUiSchema puts in `ui:options`: fixedBy names what fixes the value. */
type Options = { settingType?: string; fixedBy?: string; secret?: SecretState };

function optionsOf(uiSchema: unknown): Options {
  return ((uiSchema as Record<string, unknown> | undefined)?.["ui:options"] ?? {}) as Options;
}

/** A label, its description, the control, the source of a fixed value, and the field's errors. */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors, rawDescription, hidden, required, displayLabel, uiSchema, fieldPathId } = props;
  if (hidden) return <div hidden>{children}</div>;
  // The root object: its properties carry their own labels and errors.
  if (fieldPathId.path.length === 0) return <>{children}{errorList(id, rawErrors)}</>;
  const { fixedBy } = optionsOf(uiSchema);
  const key = String(fieldPathId.path[fieldPathId.path.length - 1]);
  return (
    <div className={`ga-field${rawErrors?.length ? " ga-field--invalid" : ""}`} data-setting={key}>
      {displayLabel && (
        <label htmlFor={id} className="ga-field__label">
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
      )}
      {displayLabel && rawDescription && <p className="ga-field__help" id={`${id}__description`}>{rawDescription}</p>}
      {children}
      {fixedBy && (
        <p className="ga-field__fixed" id={`${id}__fixed`}>
          Set by {fixedBy}: change it there.
        </p>
      )}
      {errorList(id, rawErrors)}
    </div>
  );
}

function errorList(id: string, errors: string[] | undefined) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul className="ga-field__errors" id={`${id}__error`}>
      {errors.map((error) => (
        <li key={error} className="ga-form-error">{error}</li>
      ))}
    </ul>
  );
}

/** The settings one after another; the group's title is the surrounding card's. */
export function ObjectFieldTemplate({ properties }: ObjectFieldTemplateProps) {
  return <div className="ga-fields">{properties.map((property) => (property.hidden ? null : <div key={property.name}>{property.content}</div>))}</div>;
}

function describedBy(id: string, rawErrors?: string[], fixed?: boolean) {
  return [`${id}__description`, fixed ? `${id}__fixed` : "", rawErrors?.length ? `${id}__error` : ""].filter(Boolean).join(" ");
}

/**
 * A folder on the server's machine: a path typed as text. Whether it exists and may be read is
 * the server's check (made when saving; its reason appears under the field), since the browser
 * cannot see the server's disk.
 */
export function FolderWidget({ id, value, readonly, disabled, required, onChange, onBlur, onFocus, rawErrors, uiSchema }: WidgetProps) {
  return (
    <input id={id} name={id} className="ga-input ga-input--path" value={value ?? ""} required={required}
      readOnly={readonly} disabled={disabled} spellCheck={false} autoComplete="off" placeholder="/path/to/folder"
      aria-invalid={rawErrors?.length ? true : undefined} aria-describedby={describedBy(id, rawErrors, !!optionsOf(uiSchema).fixedBy)}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value === "" ? undefined : event.target.value)}
      onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
  );
}

/**
 * A secret: never pre-filled (the server never sends it), with whether one is stored. Typing
 * replaces it on save; leaving the field empty keeps the stored one.
 */
export function SecretWidget({ id, value, readonly, disabled, onChange, rawErrors, uiSchema }: WidgetProps) {
  const state = optionsOf(uiSchema).secret ?? { set: false };
  return (
    <div className="ga-secret">
      <input id={id} name={id} type="password" className="ga-input" value={value ?? ""} readOnly={readonly} disabled={disabled}
        autoComplete="new-password" spellCheck={false}
        placeholder={state.set ? "Leave empty to keep the stored value" : ""}
        aria-invalid={rawErrors?.length ? true : undefined} aria-describedby={`${describedBy(id, rawErrors, !!optionsOf(uiSchema).fixedBy)} ${id}__state`}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value === "" ? undefined : event.target.value)} />
      <span id={`${id}__state`} className={`ga-badge ga-badge--${state.problem ? "error" : state.set ? "ok" : "neutral"}`}>
        {state.problem ? "unreadable" : state.set ? "set" : "not set"}
      </span>
      {state.problem && <p className="ga-form-error">{state.problem}</p>}
    </div>
  );
}

/** A choice among the schema's `enum`: a select, with an empty entry only when no value is required. */
export function ChoiceWidget({ id, value, readonly, disabled, required, onChange, options, rawErrors }: WidgetProps) {
  const choices = options.enumOptions ?? [];
  const index = choices.findIndex((choice) => choice.value === value);
  return (
    <select id={id} name={id} className="ga-input" value={index < 0 ? "" : String(index)} disabled={disabled || readonly}
      aria-invalid={rawErrors?.length ? true : undefined}
      onChange={(event) => onChange(event.target.value === "" ? undefined : choices[Number(event.target.value)]?.value)}>
      {(!required || index < 0) && <option value="">—</option>}
      {choices.map((choice, i) => (
        <option key={String(choice.value)} value={String(i)}>{choice.label}</option>
      ))}
    </select>
  );
}

/**
 * A list of values (`x-setting: list`): one row per value with its own Remove button, and Add.
 * Rows are folders or text as `items` says; a row's server error appears under that row.
 */
export function ListField({ schema, uiSchema, formData, onChange, fieldPathId, readonly, disabled, errorSchema, name }: FieldProps) {
  const rows: unknown[] = Array.isArray(formData) ? formData : [];
  const items = (schema.items ?? {}) as SettingProperty;
  const isFolder = items["x-setting"] === "folder";
  const isNumber = items.type === "number" || items.type === "integer";
  const locked = readonly || disabled || !!optionsOf(uiSchema).fixedBy;
  const id = fieldPathId.$id;
  const label = (schema.title as string | undefined) ?? name;
  const set = (next: unknown[]) => onChange(next, fieldPathId.path);
  const rowErrors = (index: number) => ((errorSchema as Record<string, { __errors?: string[] }> | undefined)?.[index]?.__errors ?? []);

  return (
    <div className="ga-list" id={id} role="group" aria-label={label}>
      {rows.length === 0 && <p className="ga-field__help">{locked ? "None." : "None yet: add one."}</p>}
      {rows.map((row, index) => {
        const rowId = `${id}_${index}`;
        const errors = rowErrors(index);
        return (
          <div key={index} className="ga-list__row">
            <div className="ga-list__row-line">
              <input id={rowId} className={`ga-input${isFolder ? " ga-input--path" : ""}`} type={isNumber ? "number" : "text"}
                aria-label={`${label} ${index + 1}`} value={row === undefined || row === null ? "" : String(row)} readOnly={locked}
                spellCheck={false} autoComplete="off" placeholder={isFolder ? "/path/to/folder" : ""}
                aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? `${rowId}__error` : undefined}
                onChange={(event) => {
                  const next = [...rows];
                  next[index] = isNumber ? (event.target.value === "" ? undefined : Number(event.target.value)) : event.target.value;
                  set(next);
                }} />
              {!locked && (
                <button type="button" aria-label={`Remove ${label} ${index + 1}`} onClick={() => set(rows.filter((_, i) => i !== index))}>
                  Remove
                </button>
              )}
            </div>
            {errors.length > 0 && (
              <ul className="ga-field__errors" id={`${rowId}__error`}>
                {errors.map((error) => <li key={error} className="ga-form-error">{error}</li>)}
              </ul>
            )}
          </div>
        );
      })}
      {!locked && (
        <button type="button" className="ga-list__add" onClick={() => set([...rows, isNumber ? undefined : ""])}>
          Add {isFolder ? "a folder" : "a row"}
        </button>
      )}
    </div>
  );
}
