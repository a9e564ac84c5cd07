// The sign-in rate limit on a real Postgres (the ledger every app server shares): 10 failures for
// one email from one address, or 30 from one address, in 15 minutes → refused from that address
// with how long to wait, even with the right password; never per email alone, so strangers guessing
// from elsewhere cannot lock the owner out; a success starts only its own (email, address) count
// over; parallel guesses cannot slip past the limit. (Before issue 12 the limit was per email: ten
// bad passwords from anywhere locked the owner out from every address.)
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed-demo";
import { checkCredentials, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL_AND_ADDRESS, tooManyAttemptsMessage } from "@/lib/auth/sign-in";
import { useHarness } from "./harness";

useHarness();

const MINUTE = 60_000;
/** Each test gets its own addresses, so its failures are its own. */
let counter = 0;
const freshIp = () => `203.0.113.${(counter += 1)}`;
const START = Date.now();
const at = (minutes: number) => new Date(START + minutes * MINUTE);

const attempt = (email: string, password: string, minutes: number, ip: string | null = freshIp()) => checkCredentials({ email, password, ip, now: at(minutes) });

async function failTimes(email: string, times: number, minutes: (i: number) => number, ip?: () => string | null) {
  const results = [];
  for (let i = 0; i < times; i += 1) results.push(await attempt(email, "not-the-password", minutes(i), ip ? ip() : freshIp()));
  return results;
}

describe("sign-in rate limit", () => {
  it("the right password signs in and a wrong one does not", async () => {
    const ok = await attempt("owner@glow.test", DEMO_PASSWORD, 0);
    expect(ok.ok && ok.member.email).toBe("owner@glow.test");
    expect(await attempt("owner@glow.test", "not-the-password", 0)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("10 failures for one email from one address refuse that address, right password or not, until the first is 15 minutes old", async () => {
    // desk@glow.test, failing once a minute from minute 1 to minute 10, all from one address.
    const ip = freshIp();
    const results = await failTimes(
      "desk@glow.test",
      MAX_FAILURES_PER_EMAIL_AND_ADDRESS,
      (i) => 1 + i,
      () => ip,
    );
    expect(results.slice(0, 9).every((r) => !r.ok && r.reason === "mismatch")).toBe(true);
    // The tenth failure already says how long to wait: the first failure (minute 1) ages out at minute 16.
    expect(results[9]).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 6 });

    expect(await attempt("desk@glow.test", DEMO_PASSWORD, 12, ip)).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 4 });
    expect(await attempt("DESK@glow.test ", DEMO_PASSWORD, 15.5, ip)).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 1 });
    const after = await attempt("desk@glow.test", DEMO_PASSWORD, 16, ip);
    expect(after.ok).toBe(true);
    expect(tooManyAttemptsMessage(6)).toBe("Too many attempts, try again in 6 minutes.");
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts, try again in 1 minute.");
  });

  it("failures for an email from many addresses never lock its owner out of their own address", async () => {
    // The attack: strangers each try the owner's email 9 times (18 guesses: a per-email limit of 10 would have locked it).
    const office = freshIp();
    for (let stranger = 0; stranger < 2; stranger += 1) {
      const ip = freshIp();
      for (let i = 0; i < 9; i += 1) await checkCredentials({ email: "owner@glow.test", password: `guess-${i}`, ip, now: at(70) });
    }
    const fromOffice = await attempt("owner@glow.test", DEMO_PASSWORD, 70, office);
    expect(fromOffice.ok).toBe(true);
  });

  it("refused attempts are not counted, so waiting out the window always works", async () => {
    const email = "nobody-refused@glow.test";
    const ip = freshIp();
    await failTimes(
      email,
      MAX_FAILURES_PER_EMAIL_AND_ADDRESS,
      () => 20,
      () => ip,
    );
    for (let i = 0; i < 5; i += 1) expect(await attempt(email, "guess", 21 + i, ip)).toMatchObject({ ok: false, reason: "rate_limited" });
    const rows = await (await getDb()).select().from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(rows).toHaveLength(MAX_FAILURES_PER_EMAIL_AND_ADDRESS);
    expect(await attempt(email, "guess", 35, ip)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("a success starts its own (email, address) count over, and no other", async () => {
    const a = "owner@glow.test";
    const ip = freshIp();
    await failTimes(
      a,
      9,
      () => 40,
      () => ip,
    );
    expect((await attempt(a, DEMO_PASSWORD, 41, ip)).ok).toBe(true);
    const again = await failTimes(
      a,
      9,
      () => 42,
      () => ip,
    );
    expect(again.every((r) => !r.ok && r.reason === "mismatch")).toBe(true);

    // Another email that failed 10 times from that address stays refused however many times owner@ signs in there.
    const b = "someone-else@glow.test";
    const other = freshIp();
    await failTimes(
      b,
      MAX_FAILURES_PER_EMAIL_AND_ADDRESS,
      () => 43,
      () => other,
    );
    expect((await attempt(a, DEMO_PASSWORD, 44, other)).ok).toBe(true);
    expect(await attempt(b, "guess", 44, other)).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("30 failures from one address, across any emails, refuse that address, even a right password, and only that address", async () => {
    const ip = freshIp();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) await attempt(`spray-${i}@glow.test`, "Summer2026!", 50, ip);
    expect(await attempt("owner@glow.test", DEMO_PASSWORD, 51, ip)).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 14 });
    expect((await attempt("owner@glow.test", DEMO_PASSWORD, 51, freshIp())).ok).toBe(true);
  });

  it("25 parallel guesses for one email from one address: at most 10 passwords are checked, the rest are refused", async () => {
    const email = "parallel@glow.test";
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 25 }, () => attempt(email, "guess", 60, ip)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const checked = await (
      await getDb()
    )
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false)));
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL_AND_ADDRESS);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBeGreaterThanOrEqual(25 - MAX_FAILURES_PER_EMAIL_AND_ADDRESS);
  });

  it("an unknown address is one bucket of its own, not a way around the limit", async () => {
    const email = "no-address@glow.test";
    await failTimes(
      email,
      MAX_FAILURES_PER_EMAIL_AND_ADDRESS,
      () => 80,
      () => null,
    );
    expect(await attempt(email, "guess", 81, null)).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
