import { describe, expect, it } from "vitest";
import { listQueryString, parseSort, readListQuery, toggleSort, writeListQuery } from "./list";

describe("list query in the URL", () => {
  const options = { filters: ["state", "q"], sort: "-risk" };

  it("reads offset, limit, sort and filters, repeated and comma-separated values alike", () => {
    const query = readListQuery(new URLSearchParams("offset=100&limit=25&sort=-risk,name&state=at-risk&state=drifted,missing&q=web&other=x"), options);
    expect(query).toEqual({
      offset: 100,
      limit: 25,
      sort: [{ field: "risk", descending: true }, { field: "name", descending: false }],
      filters: { state: ["at-risk", "drifted", "missing"], q: ["web"] },
    });
  });

  it("takes the defaults for what is missing or malformed", () => {
    expect(readListQuery(new URLSearchParams("offset=-3&limit=zero"), options)).toEqual({
      offset: 0, limit: 50, sort: [{ field: "risk", descending: true }], filters: {},
    });
  });

  it("leaves defaults out of the URL and keeps the page's other parameters", () => {
    const written = writeListQuery(new URLSearchParams("tab=runs&offset=50"), {
      offset: 0, limit: 50, sort: parseSort("-risk"), filters: { state: ["clean", "drifted"] },
    }, options);
    expect(written.toString()).toBe("tab=runs&state=clean%2Cdrifted");
  });

  it("keeps two tables on one page apart by a prefix", () => {
    const params = writeListQuery(new URLSearchParams(), { offset: 20, limit: 10, sort: parseSort("name"), filters: {} }, { prefix: "runs." });
    expect(params.toString()).toBe("runs.offset=20&runs.limit=10&runs.sort=name");
    expect(readListQuery(params, { prefix: "runs." }).offset).toBe(20);
    expect(readListQuery(params).offset).toBe(0);
  });

  it("round-trips a query through the URL unchanged", () => {
    const query = { offset: 150, limit: 50, sort: parseSort("name,-findings"), filters: { state: ["broken"] } };
    expect(readListQuery(writeListQuery(new URLSearchParams(), query, options), options)).toEqual(query);
  });

  it("sends the contract's parameter names to the API", () => {
    expect(listQueryString({ offset: 0, limit: 50, sort: parseSort("-risk,name"), filters: { risk: ["high", "medium"] } }))
      .toBe("offset=0&limit=50&sort=-risk%2Cname&risk=high%2Cmedium");
  });

  it("sorts by a clicked header ascending, then descending, then ascending again", () => {
    const once = toggleSort(parseSort("-risk,name"), "name");
    expect(once).toEqual([{ field: "name", descending: false }]);
    const twice = toggleSort(once, "name");
    expect(twice).toEqual([{ field: "name", descending: true }]);
    expect(toggleSort(twice, "name")).toEqual([{ field: "name", descending: false }]);
  });
});
