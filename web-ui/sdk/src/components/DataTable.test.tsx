import { act } from "react";
import { MemoryRouter, useLocation } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConnection } from "../connection";
import { useList } from "../list-hooks";
import { flush, renderHook } from "../test-support";
import { DataTable } from "./DataTable";

interface Repo { id: string; name: string }

const page = (items: Repo[], total: number, offset = 0, limit = 2) => Response.json({ items, total, offset, limit, sort: "-risk" });

/** The repositories table as a page would write it, and the URL it leaves. */
function RepositoriesTable({ location }: { location: { current?: string } }) {
  const list = useList<Repo>("/api/x/repositories", { filters: ["state", "q"], sort: "-risk", limit: 2 });
  const where = useLocation();
  location.current = where.pathname + where.search;
  return (
    <DataTable
      caption="Repositories"
      list={list}
      rowKey={(r) => r.id}
      rowAttributes={(r) => ({ "data-id": r.id })}
      columns={[{ key: "name", header: "Name", sort: "name" }, { key: "id", header: "Id" }]}
      filters={[{ name: "state", label: "State", options: [{ value: "clean", label: "clean" }, { value: "at-risk", label: "at risk" }] }]}
      search={{ label: "Search" }}
    />
  );
}

describe("DataTable with a list endpoint", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    resetConnection();
    fetchMock.mockReset();
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  function render(url: string) {
    const location: { current?: string } = {};
    const view = renderHook(() => null, () => (
      <MemoryRouter initialEntries={[url]}>
        <RepositoriesTable location={location} />
      </MemoryRouter>
    ));
    const requested = (call: number) => new URL(String(fetchMock.mock.calls[call][0]), "http://x").search;
    const click = (selector: string) => act(() => (view.container.querySelector(selector) as HTMLElement).click());
    return { ...view, location, requested, click };
  }

  it("asks the server for the page, sort and filters the URL holds", async () => {
    fetchMock.mockResolvedValueOnce(page([{ id: "c", name: "c" }], 5, 4));
    const { container, requested, unmount } = render("/repos?offset=4&sort=name&state=at-risk");
    await flush();
    expect(requested(0)).toBe("?offset=4&limit=2&sort=name&state=at-risk");
    expect(container.querySelectorAll("tbody tr[data-id]")).toHaveLength(1);
    expect(container.querySelector(".ga-pager span")?.textContent).toBe("5–5 of 5");
    expect(container.querySelector("th[aria-sort=ascending]")?.textContent).toContain("Name");
    unmount();
  });

  it("writes sorting, paging and filtering into the URL, each back at the first page", async () => {
    fetchMock.mockImplementation(async () => page([{ id: "a", name: "a" }, { id: "b", name: "b" }], 6));
    const { container, location, click, requested, unmount } = render("/repos");
    await flush();
    expect(location.current).toBe("/repos");

    click(".ga-pager button:last-child");
    await flush();
    expect(location.current).toBe("/repos?offset=2");
    expect(requested(1)).toBe("?offset=2&limit=2&sort=-risk");

    click("th button.ga-sort");
    await flush();
    expect(location.current).toBe("/repos?sort=name");
    click("th button.ga-sort");
    await flush();
    expect(location.current).toBe("/repos?sort=-name");
    expect(container.querySelector("th[aria-sort=descending]")).not.toBeNull();

    const select = container.querySelector("select") as HTMLSelectElement;
    act(() => {
      select.value = "at-risk";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await flush();
    expect(location.current).toBe("/repos?sort=-name&state=at-risk");
    expect(requested(fetchMock.mock.calls.length - 1)).toBe("?offset=0&limit=2&sort=-name&state=at-risk");
    unmount();
  });

  it("names the table by a caption that is not a visible heading", async () => {
    fetchMock.mockResolvedValueOnce(page([], 0));
    const { container, unmount } = render("/repos");
    await flush();
    const caption = container.querySelector("caption");
    expect(caption?.textContent).toBe("Repositories");
    expect(caption?.className).toBe("ga-visually-hidden");
    expect(container.querySelector("nav.ga-pager")?.getAttribute("aria-label")).toBe("Repositories: pages");
    unmount();
  });
});
