import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api";
import type { SettingSource, SettingsSchema } from "../forms/settingsSchema";
import { SchemaForm } from "./SchemaForm";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const AUDIT: SettingsSchema = {
  type: "object",
  properties: {
    folders: { type: "array", title: "Folders", "x-setting": "list", items: { type: "string", "x-setting": "folder" } },
    owners: { type: "array", title: "GitHub owners", "x-setting": "list", items: { type: "string", "x-setting": "text" } },
    token: { type: "string", title: "Token", "x-setting": "secret" },
    schedule: { type: "string", title: "Schedule", "x-setting": "choice", enum: ["off", "hourly", "daily"], default: "off" },
    depth: { type: "integer", title: "Depth", "x-setting": "number", minimum: 1, maximum: 10 },
    "github.timeout": { type: "string", title: "Timeout", "x-setting": "text", pattern: "^\\d+(ms|s|m)$" },
  },
};

let root: Root | undefined;
let container: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container?.remove();
});

/** Renders the real SchemaForm and waits for its lazily loaded body. */
async function renderForm(values: Record<string, unknown>, onSubmit: (changes: Record<string, unknown>) => Promise<unknown>,
  sources: Record<string, SettingSource> = {}, fixedBy: Record<string, string> = {}) {
  container = document.createElement("div");
  document.body.append(container);
  act(() => {
    root = createRoot(container);
    root.render(<SchemaForm schema={AUDIT} values={values} sources={sources} fixedBy={fixedBy} onSubmit={onSubmit} />);
  });
  for (let i = 0; i < 50 && !container.querySelector("form"); i++) await settle();
  expect(container.querySelector("form")).not.toBeNull();
}

const settle = () => act(async () => {
  await new Promise((resolve) => setTimeout(resolve, 10));
});

/** Types into a React-controlled input or select as a user would. */
function type(element: Element | null, value: string) {
  const input = element as HTMLInputElement | HTMLSelectElement;
  const prototype = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  });
}

function click(element: Element | null) {
  act(() => (element as HTMLElement).click());
}

const buttonNamed = (name: string) => [...container.querySelectorAll("button")].find((b) => b.textContent === name || b.getAttribute("aria-label") === name) ?? null;
const field = (key: string) => container.querySelector(`[data-setting="${key}"]`)!;

async function save() {
  click(buttonNamed("Save"));
  await settle();
}

describe("SchemaForm", () => {
  it("shows a list as one row per value, adds and removes rows, and saves only the list that changed", async () => {
    const onSubmit = vi.fn(async () => ({}));
    await renderForm({ folders: ["/srv/a", "/srv/b"], owners: ["me"], token: { set: false }, schedule: "off" }, onSubmit);

    expect([...field("folders").querySelectorAll("input")].map((input) => input.value)).toEqual(["/srv/a", "/srv/b"]);
    click(buttonNamed("Remove Folders 1"));
    click(buttonNamed("Add a folder"));
    type(field("folders").querySelectorAll("input")[1], "/srv/c");
    await save();

    expect(onSubmit).toHaveBeenCalledWith({ folders: ["/srv/b", "/srv/c"] });
    expect(container.textContent).toContain("Saved.");
  });

  it("never pre-fills a secret, says whether one is stored, and sends it only when something is typed", async () => {
    const onSubmit = vi.fn(async () => ({}));
    await renderForm({ folders: [], token: { set: true, updatedAt: "2026-12-01T10:00:00Z" } }, onSubmit);

    const secret = field("token").querySelector("input")!;
    expect(secret.type).toBe("password");
    expect(secret.value).toBe("");
    expect(field("token").textContent).toContain("set");
    expect(field("token").textContent).not.toContain("not set");

    type(field("depth").querySelector("input"), "3");
    await save();
    expect(onSubmit).toHaveBeenLastCalledWith({ depth: 3 });

    type(field("token").querySelector("input"), "ghp_new");
    await save();
    // The page has not passed the saved values back, so depth still counts as changed.
    expect(onSubmit).toHaveBeenLastCalledWith({ depth: 3, token: "ghp_new" });
  });

  it("says 'not set' for a secret the store does not hold", async () => {
    await renderForm({ token: { set: false } }, vi.fn(async () => ({})));
    expect(field("token").querySelector(".ga-badge")!.textContent).toBe("not set");
  });

  it("offers a choice as a select of the schema's values and saves the one chosen", async () => {
    const onSubmit = vi.fn(async () => ({}));
    await renderForm({ schedule: "off" }, onSubmit);

    const select = field("schedule").querySelector("select")!;
    expect([...select.options].map((option) => option.textContent)).toEqual(["—", "off", "hourly", "daily"]);
    type(select, String([...select.options].findIndex((option) => option.textContent === "daily") - 1));
    await save();
    expect(onSubmit).toHaveBeenCalledWith({ schedule: "daily" });
  });

  it("shows the server's field errors under their fields, a row's under its row, and the problem beside Save", async () => {
    const problem = {
      title: "Invalid settings", status: 400, detail: "Some settings are not valid.",
      errors: [
        { field: "folders[1]", message: "/nope does not exist" },
        { field: "owners", message: "at most 50 owners" },
        { field: "elsewhere", message: "the server is unhappy" },
      ],
    };
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, problem.detail, problem);
    });
    await renderForm({ folders: ["/srv/a"], owners: [] }, onSubmit);
    click(buttonNamed("Add a folder"));
    type(field("folders").querySelectorAll("input")[1], "/nope");
    await save();

    const rows = field("folders").querySelectorAll(".ga-list__row");
    expect(rows[1].textContent).toContain("/nope does not exist");
    expect(rows[0].textContent).not.toContain("does not exist");
    expect(field("owners").querySelector(".ga-form-error")!.textContent).toBe("at most 50 owners");
    const status = container.querySelector(".ga-form-actions [role=status]")!;
    expect(status.textContent).toContain("Some settings are not valid.");
    expect(status.textContent).toContain("elsewhere: the server is unhappy");
    expect(field("folders").querySelectorAll("input")[1].getAttribute("aria-invalid")).toBe("true");
  });

  it("shows a value fixed by the environment read-only, names the source, and leaves it out of the save", async () => {
    const onSubmit = vi.fn(async () => ({}));
    await renderForm({ folders: ["/from/env"], depth: 2 }, onSubmit, { folders: "environment", depth: "dashboard" });

    const input = field("folders").querySelector("input")!;
    expect(input.readOnly).toBe(true);
    expect(buttonNamed("Add a folder")).toBeNull();
    expect(field("folders").textContent).toContain("Set by an environment variable: change it there.");
    type(field("depth").querySelector("input"), "4");
    await save();
    expect(onSubmit).toHaveBeenCalledWith({ depth: 4 });
  });

  it("checks the schema before sending: a number above its maximum is refused on its field, with no request", async () => {
    const onSubmit = vi.fn(async () => ({}));
    await renderForm({ depth: 2 }, onSubmit);
    type(field("depth").querySelector("input"), "12");
    await save();

    expect(onSubmit).not.toHaveBeenCalled();
    expect(field("depth").querySelector(".ga-form-error")!.textContent).toBe("must be at most 10");
  });

  it("names the variable that fixes a value when the server says which", async () => {
    await renderForm({ folders: ["/from/env"] }, vi.fn(async () => ({})), { folders: "environment" }, { folders: "GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS" });
    expect(field("folders").textContent).toContain("Set by GITOPS_AUDITOR_PLUGINS_AUDIT_ROOTS: change it there.");
  });

  it("shows the browser's check on a setting whose key holds dots", async () => {
    const onSubmit = vi.fn(async () => ({}));
    await renderForm({ "github.timeout": "20s" }, onSubmit);
    type(field("github.timeout").querySelector("input"), "soon");
    await save();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(field("github.timeout").querySelector(".ga-form-error")).not.toBeNull();
  });

  it("sends nothing and says so when no value changed", async () => {
    const onSubmit = vi.fn(async () => ({}));
    await renderForm({ folders: ["/srv/a"] }, onSubmit);
    await save();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(container.textContent).toContain("Nothing to save");
  });
});
