import { describe, expect, it } from "vitest";
import { callsQuery, dayRangeBounds, parseCallsState } from "./calls-state";
import { contactsQuery, parseContactsState } from "./contacts-state";

describe("contacts table state from the URL", () => {
  it("defaults to names A to Z, page 1 of 25", () => {
    const state = parseContactsState({});
    expect(state).toMatchObject({ sort: { id: "name", desc: false }, page: 1, size: 25, offset: 0 });
    expect(state.filters).toEqual({ kind: undefined, optedOut: undefined, blocked: undefined, q: undefined });
  });

  it("reads sort, page, size and every filter", () => {
    const state = parseContactsState({ sort: "-lastActivity", page: "3", size: "50", kind: "client", optedOut: "no", blocked: "yes", q: "  Maria  " });
    expect(state).toMatchObject({ sort: { id: "lastActivity", desc: true }, page: 3, size: 50, offset: 100 });
    expect(state.filters).toEqual({ kind: "client", optedOut: "no", blocked: "yes", q: "Maria" });
  });

  it("falls back to defaults for anything malformed instead of failing the page", () => {
    const state = parseContactsState({ sort: "-phone_hash", page: "-4", size: "1000", kind: "vip", optedOut: "maybe", q: "   " });
    expect(state).toMatchObject({ sort: { id: "name", desc: false }, page: 1, size: 25 });
    expect(state.filters).toEqual({ kind: undefined, optedOut: undefined, blocked: undefined, q: undefined });
    expect(parseContactsState({ page: "abc" }).page).toBe(1);
    expect(parseContactsState({ page: "99999999" }).page).toBe(1);
    expect(parseContactsState({ page: "2.5" }).page).toBe(1);
  });

  it("takes the first of repeated keys and caps a long search", () => {
    const state = parseContactsState({ kind: ["spam", "client"], q: "x".repeat(500) });
    expect(state.filters.kind).toBe("spam");
    expect(state.filters.q).toHaveLength(80);
  });

  it("writes back a canonical query without the defaults", () => {
    expect(contactsQuery(parseContactsState({ kind: "client" }))).toEqual({
      kind: "client",
      optedOut: undefined,
      blocked: undefined,
      q: undefined,
      sort: undefined,
      page: undefined,
      size: undefined,
    });
    expect(contactsQuery(parseContactsState({ sort: "-calls", page: "2", size: "100" }))).toMatchObject({ sort: "-calls", page: "2", size: "100" });
  });
});

describe("call log state from the URL", () => {
  const DOWNTOWN = "0b7f6a3e-2f0c-4c55-9f5d-0d8a1a0b2c3d";

  it("defaults to the newest call first", () => {
    expect(parseCallsState({})).toMatchObject({ sort: { id: "time", desc: true }, page: 1, size: 25 });
    expect(parseCallsState({ sort: "time" }).sort).toEqual({ id: "time", desc: false });
  });

  it("reads disposition, leak source, location and a date range", () => {
    const state = parseCallsState({ disposition: "missed", leak: "after_hours", location: DOWNTOWN, from: "2026-05-01", to: "2026-05-31" });
    expect(state.filters).toEqual({ disposition: "missed", leak: "after_hours", location: DOWNTOWN, from: "2026-05-01", to: "2026-05-31" });
    expect(callsQuery(state)).toMatchObject({ disposition: "missed", leak: "after_hours", from: "2026-05-01" });
  });

  it("ignores values outside the closed sets and dates that are not dates", () => {
    const state = parseCallsState({ disposition: "lost", leak: "lunch", location: "1 or 1=1", from: "2026-02-30", to: "yesterday" });
    expect(state.filters).toEqual({ disposition: undefined, leak: undefined, location: undefined, from: undefined, to: undefined });
  });

  it("reads a backwards range as the same days", () => {
    expect(parseCallsState({ from: "2026-05-31", to: "2026-05-01" }).filters).toMatchObject({ from: "2026-05-01", to: "2026-05-31" });
  });

  it("bounds a local-day range widely enough for every timezone", () => {
    const { after, before } = dayRangeBounds({ from: "2026-05-01", to: "2026-05-01" });
    // 00:00 on May 1 in Kiribati (UTC+14) and 24:00 on May 1 on Baker Island (UTC−12).
    expect(after?.toISOString()).toBe("2026-04-30T10:00:00.000Z");
    expect(before?.toISOString()).toBe("2026-05-02T12:00:00.000Z");
    expect(dayRangeBounds({})).toEqual({ after: null, before: null });
  });
});
