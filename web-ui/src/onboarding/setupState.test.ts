import { describe, expect, it } from "vitest";
import type { SettingsGroup } from "../settings/settingsApi";
import { pick, setupState } from "./setupState";

const audit = (values: Record<string, unknown>): SettingsGroup => ({
  plugin: "audit",
  title: "Audit",
  schema: {
    type: "object",
    properties: {
      roots: { type: "array", title: "Folders to scan", "x-setting": "list", items: { type: "string", "x-setting": "folder" } },
      "github-owners": { type: "array", title: "GitHub owners", "x-setting": "list", items: { type: "string", "x-setting": "text" } },
      schedule: { type: "string", "x-setting": "choice", enum: ["off", "daily"] },
    },
    required: ["roots", "schedule"],
  },
  values,
  sources: {},
});

const github: SettingsGroup = {
  plugin: "platform",
  title: "GitHub",
  schema: { type: "object", properties: { "github.api-url": { type: "string" }, "github.token": { type: "string", "x-setting": "secret" } } },
  values: { "github.token": { set: false } },
  sources: {},
};

describe("setupState", () => {
  it("finds the folders, owners and token by their types, whatever their keys", () => {
    const state = setupState([github, audit({ roots: [], "github-owners": [] })]);
    expect(state.foldersKey).toBe("roots");
    expect(state.ownersKey).toBe("github-owners");
    expect(state.tokenKey).toBe("github.token");
    expect(state.github).toBe(github);
  });

  it("counts the folder step done once a folder is saved, and GitHub once an owner is", () => {
    expect(setupState([audit({ roots: [], "github-owners": [] })])).toMatchObject({ foldersDone: false, githubDone: false });
    expect(setupState([audit({ roots: ["/srv/git"], "github-owners": [] })])).toMatchObject({ foldersDone: true, githubDone: false });
    expect(setupState([audit({ roots: [], "github-owners": ["me"] })])).toMatchObject({ foldersDone: false, githubDone: true });
  });

  it("has no steps without the audit's settings group", () => {
    expect(setupState([github]).audit).toBeUndefined();
    expect(setupState([github]).foldersKey).toBeUndefined();
  });
});

describe("pick", () => {
  it("keeps only the keys a step edits, and only their required flags", () => {
    const picked = pick(audit({ roots: [] }), ["roots", undefined]);
    expect(Object.keys(picked.schema.properties)).toEqual(["roots"]);
    expect(picked.schema.required).toEqual(["roots"]);
  });
});
