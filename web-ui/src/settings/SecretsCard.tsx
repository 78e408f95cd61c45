import { useState } from "react";
import { api, ApiError, Card, ConfirmDialog, DataTable, useResource } from "@gitops-auditor/sdk";
import type { SecretEntry } from "./settingsApi";

/**
 * The stored secrets, by name and age: never their values, which the API does not send. A secret
 * is set where it is used (a secret field of a settings group) and can be removed here.
 */
export function SecretsCard() {
  const secrets = useResource<{ items: SecretEntry[]; total: number }>("/api/platform/secrets?limit=500");
  const [removing, setRemoving] = useState<SecretEntry>();
  const [problem, setProblem] = useState<string>();

  async function remove(secret: SecretEntry) {
    setProblem(undefined);
    try {
      await api.delete(`/api/platform/secrets/${encodeURIComponent(secret.name)}`);
      secrets.refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setRemoving(undefined);
    }
  }

  return (
    <Card title="Secrets">
      <p className="ga-field__help">Encrypted at rest; the dashboard and the API never show a value once stored.</p>
      {secrets.error && !secrets.data ? (
        <p className="ga-form-error">The secrets could not be listed: {secrets.error.message}</p>
      ) : (
        <DataTable
          caption="Stored secrets"
          rows={secrets.data?.items ?? []}
          rowKey={(secret) => secret.name}
          empty={secrets.data ? "No secret is stored." : "Loading…"}
          columns={[
            { key: "name", header: "Name", render: (secret) => <code>{secret.name}</code> },
            { key: "plugin", header: "Plugin", render: (secret) => secret.plugin },
            { key: "updated", header: "Changed", render: (secret) => (secret.updatedAt ? new Date(secret.updatedAt).toLocaleString() : "—") },
            {
              key: "actions", header: "", render: (secret) => (
                <button type="button" className="ga-button--danger" onClick={() => setRemoving(secret)}>Remove</button>
              ),
            },
          ]}
        />
      )}
      {problem && <p className="ga-form-error" role="alert">{problem}</p>}
      <ConfirmDialog
        open={removing !== undefined}
        danger
        title={`Remove the secret ${removing?.name ?? ""}?`}
        confirmLabel="Remove"
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(undefined)}
      >
        What uses it stops working until a new value is set.
      </ConfirmDialog>
    </Card>
  );
}
