import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const ID = "0b7f2c1e-9a4d-4c3b-8e2f-6a5d4c3b2a19";

describe("API cursors", () => {
  it("round-trip the last row's timestamp (to the microsecond) and id", () => {
    const cursor = { kind: "calls", at: "2026-09-01T17:04:05.123456Z", id: ID };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, "calls")).toEqual(cursor);
  });

  it("round-trip any timestamp and id", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), fc.uuid(), (date, micros, id) => {
        const at = date.toISOString().replace("Z", `${String(micros).padStart(3, "0")}Z`);
        expect(decodeCursor(encodeCursor({ kind: "bookings", at, id }), "bookings")).toEqual({ kind: "bookings", at, id });
      }),
    );
  });

  it("refuse a cursor from another endpoint", () => {
    expect(decodeCursor(encodeCursor({ kind: "calls", at: "2026-09-01T17:04:05Z", id: ID }), "bookings")).toBeNull();
  });

  it("refuse anything that is not one of ours", () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeCursor("", "calls")).toBeNull();
    expect(decodeCursor("not a cursor!", "calls")).toBeNull();
    expect(decodeCursor(Buffer.from("{not json").toString("base64url"), "calls")).toBeNull();
    expect(decodeCursor(b64({ k: "calls", t: "yesterday", id: ID }), "calls")).toBeNull();
    expect(decodeCursor(b64({ k: "calls", t: "2026-09-01T17:04:05Z", id: "1; drop table calls" }), "calls")).toBeNull();
    expect(decodeCursor(b64({ k: "calls", t: "2026-13-45T17:04:05Z", id: ID }), "calls")).toBeNull();
    expect(decodeCursor(b64(["calls"]), "calls")).toBeNull();
    expect(decodeCursor("A".repeat(500), "calls")).toBeNull();
  });
});
