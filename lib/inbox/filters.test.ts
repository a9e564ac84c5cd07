import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, inboxHref, isFiltered, isTabActive, likeContains, parseInboxFilter, searchTerms, tabFilter, toggleTab } from "./filters";

const LOCATION = "0b3f6a52-8c7e-4d1a-9f3e-2a1b5c6d7e8f";

describe("parseInboxFilter", () => {
  it("reads every filter from the URL and combines them", () => {
    const filter = parseInboxFilter({ needs_reply: "1", hot: "1", assignee: "mine", location: LOCATION, intent: "today", q: "  555 01 " });
    expect(filter).toEqual({ status: "open", needsReply: true, hot: true, assignee: "mine", locationId: LOCATION, intent: "today", q: "555 01" });
  });

  it("shows open conversations with no filter by default", () => {
    expect(parseInboxFilter({})).toEqual(EMPTY_FILTER);
  });

  it("ignores a hand-edited URL instead of failing: unknown intent, bad location id, unknown assignee", () => {
    const filter = parseInboxFilter({ intent: "drop table", location: "downtown", assignee: "bob", status: "archived", hot: "yes", q: "   " });
    expect(filter).toEqual(EMPTY_FILTER);
  });

  it("takes the first value of a repeated parameter and caps a pasted novel in the search box", () => {
    const filter = parseInboxFilter({ intent: ["price", "book"], q: "x".repeat(500) });
    expect(filter.intent).toBe("price");
    expect(filter.q).toHaveLength(100);
  });
});

describe("inboxHref", () => {
  it("keeps every filter when paging to older conversations", () => {
    const filter = { ...EMPTY_FILTER, needsReply: true, locationId: LOCATION, q: "(310)" };
    const href = inboxHref("/inbox", filter, "2024-05-01T10:00:00.000Z_abc");
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/inbox");
    expect(Object.fromEntries(url.searchParams)).toEqual({ needs_reply: "1", location: LOCATION, q: "(310)", before: "2024-05-01T10:00:00.000Z_abc" });
    expect(parseInboxFilter(Object.fromEntries(url.searchParams))).toEqual(filter);
  });

  it("is the bare path for the default view", () => {
    expect(inboxHref("/inbox/abc", EMPTY_FILTER)).toBe("/inbox/abc");
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, status: "done" })).toBe(true);
  });
});

describe("tabs", () => {
  it("needs reply and hot combine; All clears them but keeps location and search", () => {
    const both = toggleTab(toggleTab({ ...EMPTY_FILTER, q: "ava" }, "needs_reply"), "hot");
    expect(both).toMatchObject({ needsReply: true, hot: true, q: "ava" });
    expect(isTabActive(both, "needs_reply") && isTabActive(both, "hot")).toBe(true);
    expect(isTabActive(both, "all")).toBe(false);
    const cleared = toggleTab(both, "all");
    expect(cleared).toMatchObject({ needsReply: false, hot: false, assignee: null, q: "ava" });
    expect(isTabActive(cleared, "all")).toBe(true);
  });

  it("mine replaces unassigned (they cannot both hold), and a second click turns it off", () => {
    const unassigned = toggleTab(EMPTY_FILTER, "unassigned");
    const mine = toggleTab(unassigned, "mine");
    expect(mine.assignee).toBe("mine");
    expect(toggleTab(mine, "mine").assignee).toBeNull();
  });

  it("each tab's count uses that tab alone plus the shared narrowing", () => {
    const filter = { ...EMPTY_FILTER, needsReply: true, hot: true, intent: "book" as const };
    expect(tabFilter(filter, "mine")).toEqual({ ...EMPTY_FILTER, assignee: "mine", intent: "book" });
    expect(tabFilter(filter, "all")).toEqual({ ...EMPTY_FILTER, intent: "book" });
  });
});

describe("searchTerms", () => {
  it("finds phone digits anywhere, whatever the punctuation typed", () => {
    expect(searchTerms("555 01")).toEqual({ text: "555 01", digits: "55501" });
    expect(searchTerms("(310)")).toEqual({ text: "(310)", digits: "310" });
    expect(searchTerms("+1 (310) 555-0111")?.digits).toBe("13105550111");
  });

  it("a name searches names only, even with a digit in it", () => {
    expect(searchTerms("Ava")).toEqual({ text: "Ava", digits: null });
    expect(searchTerms("Suite 12")).toEqual({ text: "Suite 12", digits: null });
    expect(searchTerms("7")).toEqual({ text: "7", digits: null });
    expect(searchTerms("  ")).toBeNull();
    expect(searchTerms(null)).toBeNull();
  });

  it("a typed % or _ matches itself, not everything", () => {
    expect(likeContains("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
