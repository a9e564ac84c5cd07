import { describe, expect, it } from "vitest";
import { proofIsStale } from "./refresh-stale-proof";

const NOW = new Date("2026-12-08T09:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

describe("proofIsStale: when a text's number is proven again before it goes", () => {
  it("never checked, or checked a day ago or more: asked again", () => {
    expect(proofIsStale({ proofStatus: "unchecked", proofCheckedAt: null }, NOW)).toBe(true);
    expect(proofIsStale({ proofStatus: "proven", proofCheckedAt: null }, NOW)).toBe(true);
    expect(proofIsStale({ proofStatus: "proven", proofCheckedAt: hoursAgo(24) }, NOW)).toBe(true);
    expect(proofIsStale({ proofStatus: "not_found", proofCheckedAt: hoursAgo(30) }, NOW)).toBe(true);
  });

  it("checked within the day: the stored answer stands (no lookup before every text)", () => {
    expect(proofIsStale({ proofStatus: "proven", proofCheckedAt: hoursAgo(23.9) }, NOW)).toBe(false);
    expect(proofIsStale({ proofStatus: "simulated", proofCheckedAt: hoursAgo(1) }, NOW)).toBe(false);
    expect(proofIsStale({ proofStatus: "cannot_text", proofCheckedAt: hoursAgo(0) }, NOW)).toBe(false);
  });
});
