import { api, type SettingSource, type SettingsSchema } from "@gitops-auditor/sdk";

/** One group of GET /api/platform/settings: a plugin's (or the platform's) settings, their values and sources. */
export interface SettingsGroup {
  plugin: string;
  title: string;
  schema: SettingsSchema;
  values: Record<string, unknown>;
  sources: Record<string, SettingSource>;
  /** For fixed keys: the file, variable or "the command line" that fixes them. */
  fixedBy?: Record<string, string>;
}

export interface SettingsAnswer {
  groups: SettingsGroup[];
}

export const SETTINGS_PATH = "/api/platform/settings";

/** Saves part of a group (only the keys given; `null` resets one to its default) and returns the group as saved. */
export function saveSettings(group: SettingsGroup, changes: Record<string, unknown>): Promise<SettingsGroup> {
  return api.put<SettingsGroup>(`${SETTINGS_PATH}/${encodeURIComponent(group.plugin)}`, changes);
}

/** A stored secret as GET /api/platform/secrets lists it: never its value. */
export interface SecretEntry {
  name: string;
  plugin: string;
  updatedAt?: string | null;
}
