// The sign-in rate limit on a real Postgres (the ledger every app server shares): 10 failures for
// one email, or 30 from one address, in 15 minutes → refused with how long to wait, even with the
// right password; under the limit the right password still signs in; a success starts only its own
// email's count over; parallel guesses cannot slip past the limit.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed-demo";
import { checkCredentials, clientIp, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, tooManyAttemptsMessage } from "@/lib/auth/sign-in";
import { useHarness } from "./harness";

useHarness();

const MINUTE = 60_000;
/** Each test gets its own addresses, so its failures are its own. */
let counter = 0;
const freshIp = () => `203.0.113.${(counter += 1)}`;
const START = Date.now();
const at = (minutes: number) => new Date(START + minutes * MINUTE);

const attempt = (email: string, password: string, minutes: number, ip: string | null = freshIp()) => checkCredentials({ email, password, ip, now: at(minutes) });

async function failTimes(email: string, times: number, minutes: (i: number) => number, ip?: () => string) {
  const results = [];
  for (let i = 0; i < times; i += 1) results.push(await attempt(email, "not-the-password", minutes(i), ip?.() ?? freshIp()));
  return results;
}

describe("sign-in rate limit", () => {
  it("the right password signs in and a wrong one does not", async () => {
    const ok = await attempt("owner@glow.test", DEMO_PASSWORD, 0);
    expect(ok.ok && ok.member.email).toBe("owner@glow.test");
    expect(await attempt("owner@glow.test", "not-the-password", 0)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("10 failures for one email in 15 minutes refuse the next attempt, right password or not, until the first is 15 minutes old", async () => {
    // desk@glow.test, failing once a minute from minute 1 to minute 10, each time from another address.
    const results = await failTimes("desk@glow.test", MAX_FAILURES_PER_EMAIL, (i) => 1 + i);
    expect(results.slice(0, 9).every((r) => !r.ok && r.reason === "mismatch")).toBe(true);
    // The tenth failure already says how long to wait: the first failure (minute 1) ages out at minute 16.
    expect(results[9]).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 6 });

    expect(await attempt("desk@glow.test", DEMO_PASSWORD, 12)).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 4 });
    expect(await attempt("DESK@glow.test ", DEMO_PASSWORD, 15.5)).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 1 });
    const after = await attempt("desk@glow.test", DEMO_PASSWORD, 16);
    expect(after.ok).toBe(true);
    expect(tooManyAttemptsMessage(6)).toBe("Too many attempts, try again in 6 minutes.");
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts, try again in 1 minute.");
  });

  it("refused attempts are not counted, so waiting out the window always works", async () => {
    const email = "nobody-refused@glow.test";
    await failTimes(email, MAX_FAILURES_PER_EMAIL, () => 20);
    for (let i = 0; i < 5; i += 1) expect((await attempt(email, "guess", 21 + i)).ok).toBe(false);
    const rows = await (await getDb()).select().from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(rows).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(await attempt(email, "guess", 35)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("a success starts its own email's count over, and no other email's", async () => {
    const a = "owner@glow.test";
    await failTimes(a, 9, () => 40);
    expect((await attempt(a, DEMO_PASSWORD, 41)).ok).toBe(true);
    const again = await failTimes(a, 9, () => 42);
    expect(again.every((r) => !r.ok && r.reason === "mismatch")).toBe(true);

    // Another email that failed 10 times stays refused however many times owner@ signs in.
    const b = "someone-else@glow.test";
    await failTimes(b, MAX_FAILURES_PER_EMAIL, () => 43);
    expect((await attempt(a, DEMO_PASSWORD, 44)).ok).toBe(true);
    expect(await attempt(b, "guess", 44)).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("30 failures from one address, across any emails, refuse that address, even a right password, and only that address", async () => {
    const ip = freshIp();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i += 1) await attempt(`spray-${i}@glow.test`, "Summer2026!", 50, ip);
    expect(await attempt("owner@glow.test", DEMO_PASSWORD, 51, ip)).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 14 });
    expect((await attempt("owner@glow.test", DEMO_PASSWORD, 51, freshIp())).ok).toBe(true);
  });

  it("25 parallel guesses for one email: at most 10 passwords are checked, the rest are refused", async () => {
    const email = "parallel@glow.test";
    const results = await Promise.all(Array.from({ length: 25 }, () => attempt(email, "guess", 60)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const checked = await (await getDb()).select().from(signInAttempts).where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false)));
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBeGreaterThanOrEqual(25 - MAX_FAILURES_PER_EMAIL);
  });
});

describe("clientIp", () => {
  it("takes the last X-Forwarded-For entry: the one the nearest proxy wrote", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.8" }))).toBe("198.51.100.8");
    expect(clientIp(new Headers())).toBeNull();
  });
});
