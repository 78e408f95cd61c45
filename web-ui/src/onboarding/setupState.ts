import type { SettingProperty } from "@gitops-auditor/sdk";
import type { SettingsGroup } from "../settings/settingsApi";

/**
 * Where a new user stands, read from the settings groups and the audit's summary: which settings
 * the get-started steps edit (found by their type, not their key, so a renamed key still works)
 * and which steps are done.
 */
export interface SetupState {
  audit?: SettingsGroup;
  github?: SettingsGroup;
  /** The audit's list-of-folders setting. */
  foldersKey?: string;
  /** The audit's list of GitHub owners. */
  ownersKey?: string;
  /** The GitHub token (a secret of the platform's GitHub group). */
  tokenKey?: string;
  foldersDone: boolean;
  githubDone: boolean;
}

const isList = (property: SettingProperty) => property["x-setting"] === "list" || property.type === "array";
const items = (property: SettingProperty) => property.items?.["x-setting"];

function findKey(group: SettingsGroup | undefined, test: (key: string, property: SettingProperty) => boolean): string | undefined {
  if (!group) return undefined;
  return Object.entries(group.schema.properties).find(([key, property]) => test(key, property))?.[0];
}

const listLength = (value: unknown) => (Array.isArray(value) ? value.length : 0);

export function setupState(groups: SettingsGroup[]): SetupState {
  const audit = groups.find((group) => group.plugin === "audit");
  const github =
    groups.find((group) => group.plugin === "platform" && /github/i.test(group.title)) ??
    groups.find((group) => group.plugin === "platform" && findKey(group, (key, p) => p["x-setting"] === "secret" && /token/i.test(key)) !== undefined);
  const foldersKey = findKey(audit, (_key, property) => isList(property) && items(property) === "folder");
  const ownersKey = findKey(audit, (key, property) => isList(property) && /owner/i.test(`${key} ${property.title ?? ""}`));
  const tokenKey = findKey(github, (key, property) => property["x-setting"] === "secret" && /token/i.test(`${key} ${property.title ?? ""}`));
  return {
    audit, github, foldersKey, ownersKey, tokenKey,
    foldersDone: foldersKey !== undefined && listLength(audit?.values[foldersKey]) > 0,
    githubDone: ownersKey !== undefined && listLength(audit?.values[ownersKey]) > 0,
  };
}

/** A group cut down to some of its keys, for a form that edits only those. */
export function pick(group: SettingsGroup, keys: (string | undefined)[]): SettingsGroup {
  const wanted = keys.filter((key): key is string => key !== undefined && key in group.schema.properties);
  return {
    ...group,
    schema: {
      ...group.schema,
      properties: Object.fromEntries(wanted.map((key) => [key, group.schema.properties[key]])),
      required: (group.schema.required ?? []).filter((key) => wanted.includes(key)),
    },
  };
}
