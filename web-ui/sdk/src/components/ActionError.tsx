import type { Mutation } from "../mutation";

/**
 * A failed change, said next to the action that made it: the server's reason and, for a 400 that
 * names fields, each field's message. Renders nothing while there is no failure. `role="alert"`:
 * a screen reader hears it without moving focus.
 */
export function ActionError({ mutation, error }: { mutation?: Pick<Mutation<never, unknown>, "error" | "fieldErrors">; error?: string }) {
  const message = error ?? mutation?.error;
  if (!message) return null;
  const fields = mutation?.fieldErrors ?? [];
  return (
    <div className="ga-form-error" role="alert">
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field.field}>
              <code>{field.field}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
