// OpenPhone / Quo signatures of both generations, on the real fixtures' raw bodies, with a fixed
// clock. The expected signatures are computed here from the documented algorithms (docs/provider-formats.md
// #quo-legacy-webhooks, #quo-current-webhooks) with node:crypto, independently of the code under test and of standardwebhooks.
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import callMissed from "./fixtures/call-missed.json";
import legacyCallCompleted from "./fixtures/legacy-call-completed.json";
import { generationOf, signLegacy, verifyOpenPhoneWebhook } from "./verify";

const NOW = new Date("2026-05-12T17:00:30Z");
const KEY = Buffer.from("rebound-openphone-test-signing-key!");
const SECRET = `whsec_${KEY.toString("base64")}`;
const LEGACY_SECRET = KEY.toString("base64");
const CURRENT_BODY = JSON.stringify(callMissed);
const LEGACY_BODY = JSON.stringify(legacyCallCompleted);
const MSG_ID = "msg_2xHqV1pXyZ0RkSqGZ3fWm7aBcDe";

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** docs/provider-formats.md#quo-current-webhooks: base64 HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{raw-body}`, key = base64 after `whsec_`. */
function currentHeaders(input: { body?: string; at?: Date; key?: Buffer; id?: string } = {}): Headers {
  const timestamp = String(Math.floor((input.at ?? NOW).getTime() / 1000));
  const id = input.id ?? MSG_ID;
  const signature = createHmac("sha256", input.key ?? KEY)
    .update(`${id}.${timestamp}.${input.body ?? CURRENT_BODY}`)
    .digest("base64");
  return new Headers({ "content-type": "application/json", "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` });
}

/** docs/provider-formats.md#quo-legacy-webhooks: `hmac;1;<ms>;<base64 HMAC-SHA256 over "{timestamp}.{raw-body}" with the decoded key>`. */
function legacyHeaders(input: { body?: string; at?: Date; key?: Buffer } = {}): Headers {
  const timestamp = String((input.at ?? NOW).getTime());
  const signature = createHmac("sha256", input.key ?? KEY)
    .update(`${timestamp}.${input.body ?? LEGACY_BODY}`)
    .digest("base64");
  return new Headers({ "content-type": "application/json", "openphone-signature": `hmac;1;${timestamp};${signature}` });
}

const verify = (headers: Headers, rawBody: string, secret = SECRET, now = NOW) => verifyOpenPhoneWebhook({ rawBody, headers, secret, now });
const reasonOf = (verdict: ReturnType<typeof verify>) => (verdict.ok ? "ok" : verdict.reason);

// standardwebhooks@1.1.1 also reads Date.now(): pin the system clock to the same instant.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());

describe("which generation signed the request", () => {
  it("is told apart by the headers", () => {
    expect(generationOf(currentHeaders())).toBe("current");
    expect(generationOf(legacyHeaders())).toBe("legacy");
    expect(generationOf(new Headers({ "content-type": "application/json" }))).toBeNull();
  });

  it("a request with no signature header at all is refused", () => {
    expect(reasonOf(verify(new Headers(), CURRENT_BODY))).toMatch(/no webhook-signature or openphone-signature/);
  });
});

describe("current generation (Standard Webhooks)", () => {
  it("accepts a delivery signed as documented", () => {
    expect(verify(currentHeaders(), CURRENT_BODY)).toEqual({ ok: true });
  });

  it("accepts one 4 minutes old, inside the 5-minute window", () => {
    expect(verify(currentHeaders({ at: minutes(-4) }), CURRENT_BODY)).toEqual({ ok: true });
  });

  it("accepts any matching entry of a space-separated signature list (secret rotation)", () => {
    const headers = currentHeaders();
    headers.set("webhook-signature", `v1,${randomBytes(32).toString("base64")} ${headers.get("webhook-signature")}`);
    expect(verify(headers, CURRENT_BODY)).toEqual({ ok: true });
  });

  it("rejects a forged signature", () => {
    const headers = currentHeaders();
    headers.set("webhook-signature", `v1,${randomBytes(32).toString("base64")}`);
    expect(reasonOf(verify(headers, CURRENT_BODY))).toMatch(/webhook-signature/);
  });

  it("rejects a tampered body", () => {
    const tampered = CURRENT_BODY.replace("+18005550100", "+13105550111");
    expect(verify(currentHeaders(), tampered).ok).toBe(false);
  });

  it("rejects a signature made with another secret", () => {
    expect(verify(currentHeaders({ key: randomBytes(32) }), CURRENT_BODY).ok).toBe(false);
    expect(verify(currentHeaders(), CURRENT_BODY, `whsec_${randomBytes(32).toString("base64")}`).ok).toBe(false);
  });

  it("rejects a replay under another webhook-id", () => {
    const headers = currentHeaders();
    headers.set("webhook-id", "msg_another");
    expect(verify(headers, CURRENT_BODY).ok).toBe(false);
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])("rejects a delivery without %s", (name) => {
    const headers = currentHeaders();
    headers.delete(name);
    expect(reasonOf(verify(headers, CURRENT_BODY))).toMatch(/webhook-id, webhook-timestamp and webhook-signature/);
  });

  it("rejects a timestamp 6 minutes old, even with a valid signature", () => {
    expect(reasonOf(verify(currentHeaders({ at: minutes(-6) }), CURRENT_BODY))).toBe("webhook-timestamp is more than 5 minutes old");
  });

  it("rejects a timestamp 6 minutes in the future", () => {
    expect(reasonOf(verify(currentHeaders({ at: minutes(6) }), CURRENT_BODY))).toBe("webhook-timestamp is more than 5 minutes in the future");
  });

  it("judges the window by the `now` it is given", () => {
    expect(verify(currentHeaders(), CURRENT_BODY, SECRET, minutes(6)).ok).toBe(false);
  });

  it("rejects a timestamp that is not Unix seconds", () => {
    const headers = currentHeaders();
    headers.set("webhook-timestamp", NOW.toISOString());
    expect(reasonOf(verify(headers, CURRENT_BODY))).toMatch(/not a Unix time/);
  });

  it("explains a configured secret that is not base64 instead of throwing", () => {
    expect(reasonOf(verify(currentHeaders(), CURRENT_BODY, "whsec_not base64!"))).toMatch(/not a whsec_ base64 key/);
  });
});

describe("legacy generation (openphone-signature)", () => {
  it("accepts the real legacy payload signed as documented, with the base64 signing key", () => {
    expect(verify(legacyHeaders(), LEGACY_BODY, LEGACY_SECRET)).toEqual({ ok: true });
  });

  it("accepts the same key given in the whsec_ form", () => {
    expect(verify(legacyHeaders(), LEGACY_BODY, SECRET)).toEqual({ ok: true });
  });

  it("signs exactly what it verifies (the helper the simulator and tests use)", () => {
    const header = signLegacy(LEGACY_SECRET, LEGACY_BODY, NOW);
    expect(header).toBe(legacyHeaders().get("openphone-signature"));
    expect(header).toMatch(/^hmac;1;1778605230000;[A-Za-z0-9+/]+=*$/);
  });

  it("rejects a forged signature", () => {
    const headers = new Headers({ "openphone-signature": `hmac;1;${NOW.getTime()};${randomBytes(32).toString("base64")}` });
    expect(reasonOf(verify(headers, LEGACY_BODY, LEGACY_SECRET))).toBe("openphone-signature does not match");
  });

  it("rejects a signature of another length without throwing", () => {
    const headers = new Headers({ "openphone-signature": `hmac;1;${NOW.getTime()};bXcxSzRmdmg1bTlYeg==` });
    expect(reasonOf(verify(headers, LEGACY_BODY, LEGACY_SECRET))).toBe("openphone-signature does not match");
  });

  it("rejects a tampered body", () => {
    expect(verify(legacyHeaders(), LEGACY_BODY.replace('"answeredAt":null', '"answeredAt":"2022-01-24T19:22:01.000Z"'), LEGACY_SECRET).ok).toBe(false);
  });

  it("rejects a signature made with another key", () => {
    expect(verify(legacyHeaders({ key: randomBytes(32) }), LEGACY_BODY, LEGACY_SECRET).ok).toBe(false);
  });

  it("rejects a key used without base64-decoding it", () => {
    expect(verify(legacyHeaders({ key: Buffer.from(LEGACY_SECRET) }), LEGACY_BODY, LEGACY_SECRET).ok).toBe(false);
  });

  it("rejects a timestamp 6 minutes old and one 6 minutes in the future", () => {
    expect(reasonOf(verify(legacyHeaders({ at: minutes(-6) }), LEGACY_BODY, LEGACY_SECRET))).toBe("openphone-signature timestamp is more than 5 minutes old");
    expect(reasonOf(verify(legacyHeaders({ at: minutes(6) }), LEGACY_BODY, LEGACY_SECRET))).toBe("openphone-signature timestamp is more than 5 minutes in the future");
  });

  it("reads the timestamp as milliseconds: a seconds value is decades old", () => {
    const seconds = String(Math.floor(NOW.getTime() / 1000));
    const signature = createHmac("sha256", KEY).update(`${seconds}.${LEGACY_BODY}`).digest("base64");
    const headers = new Headers({ "openphone-signature": `hmac;1;${seconds};${signature}` });
    expect(reasonOf(verify(headers, LEGACY_BODY, LEGACY_SECRET))).toMatch(/more than 5 minutes old/);
  });

  it.each([
    ["three fields", `hmac;1;${NOW.getTime()}`, /scheme;version;timestamp;signature/],
    ["another scheme", `sha1;1;${NOW.getTime()};abc=`, /not supported/],
    ["another version", `hmac;2;${NOW.getTime()};abc=`, /not supported/],
    ["a non-numeric timestamp", "hmac;1;yesterday;abc=", /not a Unix time in milliseconds/],
  ])("rejects a header with %s", (_case, header, reason) => {
    expect(reasonOf(verify(new Headers({ "openphone-signature": header }), LEGACY_BODY, LEGACY_SECRET))).toMatch(reason);
  });

  it("explains a configured key that is not base64 instead of throwing", () => {
    expect(reasonOf(verify(legacyHeaders(), LEGACY_BODY, "not base64!"))).toMatch(/not base64/);
  });
});
