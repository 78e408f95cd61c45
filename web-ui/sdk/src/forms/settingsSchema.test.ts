import { describe, expect, it } from "vitest";
import { changedValues, fieldPath, placeServerErrors, type SettingsSchema } from "./settingsSchema";

const schema: SettingsSchema = {
  properties: {
    folders: { type: "array", "x-setting": "list", items: { type: "string", "x-setting": "folder" } },
    token: { type: "string", "x-setting": "secret" },
    address: { type: "string", "x-setting": "text" },
    "github.api-url": { type: "string", "x-setting": "text" },
  },
};

describe("settings schema helpers", () => {
  it("reads a field name in every spelling the server may use", () => {
    expect(fieldPath("folders")).toEqual(["folders"]);
    expect(fieldPath("folders[2]")).toEqual(["folders", 2]);
    expect(fieldPath("folders.2")).toEqual(["folders", 2]);
    expect(fieldPath("/folders/2")).toEqual(["folders", 2]);
  });

  it("places errors on known fields and keeps those naming no field apart", () => {
    const { placed, unplaced } = placeServerErrors(schema, [
      { field: "folders", message: "too many" },
      { field: "folders.1", message: "not readable" },
      { field: "nope", message: "unknown key" },
    ]);
    expect(placed).toEqual({ folders: { __errors: ["too many"], 1: { __errors: ["not readable"] } } });
    expect(unplaced).toEqual(["nope: unknown key"]);
  });

  it("places a list's error on the one row its message quotes", () => {
    const sent = { folders: ["/srv/git", "/srv/gone"] };
    const { placed } = placeServerErrors(schema, [{ field: "folders", message: "/srv/gone does not exist on the server" }], sent);
    expect(placed).toEqual({ folders: { 1: { __errors: ["/srv/gone does not exist on the server"] } } });
  });

  it("places an error on a key that holds dots instead of splitting the key", () => {
    const { placed, unplaced } = placeServerErrors(schema, [{ field: "github.api-url", message: "must start with https://" }]);
    expect(placed).toEqual({ "github.api-url": { __errors: ["must start with https://"] } });
    expect(unplaced).toEqual([]);
  });

  it("sends a cleared value as null, so that the server resets it to its default", () => {
    expect(changedValues(schema, { address: "https://x" }, {}, {})).toEqual({ address: null });
  });

  it("never sends a fixed key, nor an untyped secret", () => {
    expect(changedValues(schema, { folders: ["/a"] }, { folders: ["/b"], token: "" }, { folders: "file" })).toEqual({});
  });
});
