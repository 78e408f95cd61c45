import { useEffect, useState } from "react";
import { Card, EmptyState, ErrorCard, SchemaForm, useResource } from "@gitops-auditor/sdk";
import { saveSettings, SETTINGS_PATH, type SettingsAnswer, type SettingsGroup } from "./settingsApi";
import { SecretsCard } from "./SecretsCard";

/**
 * `/settings` (admins): one card per settings group from the server, each saved on its own, so a
 * mistake in one group never blocks another; the stored secrets below.
 */
export function SettingsPage() {
  const settings = useResource<SettingsAnswer>(SETTINGS_PATH);
  const [groups, setGroups] = useState<SettingsGroup[]>();
  // Counts saves: a saved secret setting adds to the stored secrets, whose list then reloads.
  const [saves, setSaves] = useState(0);
  useEffect(() => setGroups(settings.data?.groups), [settings.data]);

  if (settings.error && !groups) {
    const reason = settings.error.status === 403 ? "Only an admin may see and change the settings." : settings.error.message;
    return <ErrorCard title="The settings could not be loaded" reason={reason} />;
  }
  if (!groups) return <p className="ga-loading">Loading the settings…</p>;

  const replace = (saved: SettingsGroup) => {
    setGroups((current) => current?.map((group) => (group.plugin === saved.plugin && group.title === saved.title ? saved : group)));
    setSaves((n) => n + 1);
  };

  return (
    <>
      <h1>Settings</h1>
      <p className="ga-page-intro">
        Changes apply at once, without a restart. A value set in the configuration file or the environment is shown here
        and can only be changed there.
      </p>
      {groups.length === 0 && <EmptyState title="No settings" icon="⚙">No plugin declares settings.</EmptyState>}
      {groups.map((group) => (
        <Card key={`${group.plugin}:${group.title}`} title={group.title}>
          {group.schema.description && <p className="ga-field__help">{group.schema.description}</p>}
          <SchemaForm
            idPrefix={`settings-${group.plugin}-${group.title.replace(/\W+/g, "-").toLowerCase()}`}
            schema={group.schema}
            values={group.values}
            sources={group.sources}
            fixedBy={group.fixedBy}
            submitLabel={`Save ${group.title}`}
            onSubmit={async (changes) => replace(await saveSettings(group, changes))}
          />
        </Card>
      ))}
      <SecretsCard key={saves} />
    </>
  );
}
