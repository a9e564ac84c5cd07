import { describe, expect, it } from "vitest";
import { decodeSort, encodeSort, hrefWith, pageWindow, showingText } from "./url";

describe("sort in the URL", () => {
  it("writes descending with a minus and reads it back", () => {
    expect(encodeSort({ id: "lastActivity", desc: true })).toBe("-lastActivity");
    expect(encodeSort({ id: "name", desc: false })).toBe("name");
    expect(decodeSort("-lastActivity", ["name", "lastActivity"])).toEqual({ id: "lastActivity", desc: true });
    expect(decodeSort("name", ["name", "lastActivity"])).toEqual({ id: "name", desc: false });
  });

  it("refuses a column the table cannot sort by (no SQL from the URL)", () => {
    expect(decodeSort("-password_hash", ["name"])).toBeNull();
    expect(decodeSort("name; drop table contacts", ["name"])).toBeNull();
    expect(decodeSort(undefined, ["name"])).toBeNull();
  });
});

describe("hrefWith", () => {
  it("applies a patch, drops empty values and keeps a stable key order", () => {
    expect(hrefWith("/contacts", { q: "maria", page: "3", kind: "client" }, { page: undefined, sort: "-calls" })).toBe("/contacts?kind=client&q=maria&sort=-calls");
    expect(hrefWith("/contacts", { q: "", page: undefined })).toBe("/contacts");
  });

  it("encodes what a person typed", () => {
    expect(hrefWith("/contacts", { q: "(310) 555 & co" })).toBe("/contacts?q=%28310%29+555+%26+co");
  });
});

describe("pages", () => {
  it("shows the range of the second page of 25", () => {
    expect(pageWindow({ page: 2, size: 25, total: 1929 })).toEqual({ first: 26, last: 50, pageCount: 78 });
    expect(showingText({ page: 2, size: 25, total: 1929 })).toBe("Showing 26–50 of 1,929");
  });

  it("ends the last page at the total", () => {
    expect(showingText({ page: 78, size: 25, total: 1929 })).toBe("Showing 1,926–1,929 of 1,929");
  });

  it("says so when nothing matches or the page is past the end", () => {
    expect(showingText({ page: 1, size: 25, total: 0 })).toBe("No results");
    expect(pageWindow({ page: 1, size: 25, total: 0 }).pageCount).toBe(1);
    expect(showingText({ page: 9, size: 100, total: 120 })).toBe("No rows on this page (120 in all)");
  });
});
