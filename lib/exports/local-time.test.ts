// Export timestamps: the location's local time with its offset, right on both sides of a DST change.
import { describe, expect, it } from "vitest";
import { localTimestamp } from "./local-time";

describe("localTimestamp", () => {
  it("writes the location's wall-clock time with its UTC offset", () => {
    expect(localTimestamp(new Date("2026-11-03T17:14:00Z"), "America/Los_Angeles")).toBe("2026-11-03T09:14:00-08:00");
    expect(localTimestamp(new Date("2026-09-15T18:00:00.999Z"), "America/New_York")).toBe("2026-09-15T14:00:00-04:00");
    expect(localTimestamp(new Date("2026-09-15T18:00:00Z"), "UTC")).toBe("2026-09-15T18:00:00+00:00");
    expect(localTimestamp(new Date("2026-09-15T18:00:00Z"), "Asia/Kolkata")).toBe("2026-09-15T23:30:00+05:30");
  });

  it("keeps the local day the dashboard counts by, even where UTC has moved on", () => {
    // 05:30 UTC on Sep 1 is still Aug 31 in Los Angeles.
    expect(localTimestamp(new Date("2026-09-01T05:30:00Z"), "America/Los_Angeles")).toBe("2026-08-31T22:30:00-07:00");
    expect(localTimestamp(new Date("2026-01-01T00:00:00Z"), "America/Los_Angeles")).toBe("2025-12-31T16:00:00-08:00");
  });

  it("follows daylight saving time on both changes (US: 8 Mar and 1 Nov 2026)", () => {
    expect(localTimestamp(new Date("2026-03-08T09:59:59Z"), "America/Los_Angeles")).toBe("2026-03-08T01:59:59-08:00");
    expect(localTimestamp(new Date("2026-03-08T10:00:00Z"), "America/Los_Angeles")).toBe("2026-03-08T03:00:00-07:00");
    // 1:30 happens twice on 1 Nov: the offset tells them apart.
    expect(localTimestamp(new Date("2026-11-01T08:30:00Z"), "America/Los_Angeles")).toBe("2026-11-01T01:30:00-07:00");
    expect(localTimestamp(new Date("2026-11-01T09:30:00Z"), "America/Los_Angeles")).toBe("2026-11-01T01:30:00-08:00");
    // Europe changes on other days: 29 Mar 2026 in London.
    expect(localTimestamp(new Date("2026-03-29T00:59:00Z"), "Europe/London")).toBe("2026-03-29T00:59:00+00:00");
    expect(localTimestamp(new Date("2026-03-29T01:00:00Z"), "Europe/London")).toBe("2026-03-29T02:00:00+01:00");
  });

  it("reads back as the same instant", () => {
    for (const iso of ["2026-11-01T08:30:00Z", "2026-11-01T09:30:00Z", "2026-03-08T10:00:00Z", "2026-07-04T23:59:59Z"]) {
      expect(new Date(localTimestamp(new Date(iso), "America/Los_Angeles")).toISOString()).toBe(new Date(iso).toISOString());
    }
  });
});
