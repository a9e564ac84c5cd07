// X-Rebound-Signature checks on the documented generic event (./fixtures/call-missed.json), with a
// fixed clock; and the proof that the shell pipeline docs/webhooks.md tells senders to use
// produces a signature Rebound accepts.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, seedWebhookSecrets } from "@/lib/env";
import { genericAdapter } from "./adapter";
import missed from "./fixtures/call-missed.json";
import { genericSignatureHeaders, signGenericPayload, verifyGenericSignature } from "./verify";

const SECRET = "whk_test_3c0f7a1e9b2d4c6e8f0a1b2c3d4e5f60";
const NOW = new Date("2026-05-12T17:00:30Z");
const TS = String(Math.floor(NOW.getTime() / 1000));
const RAW_BODY = JSON.stringify(missed);

function verify(headers: Record<string, string>, overrides: { rawBody?: string; secret?: string; now?: Date } = {}) {
  return verifyGenericSignature({
    rawBody: overrides.rawBody ?? RAW_BODY,
    headers: new Headers(headers),
    secret: overrides.secret ?? SECRET,
    now: overrides.now ?? NOW,
  });
}
const signed = (ts = TS, body = RAW_BODY) => ({ "X-Rebound-Timestamp": ts, "X-Rebound-Signature": `v1=${signGenericPayload(SECRET, ts, body)}` });
const reasonOf = (verdict: ReturnType<typeof verify>) => (verdict.ok ? "" : verdict.reason);

describe("verifyGenericSignature", () => {
  it("accepts the documented scheme: v1=hex HMAC-SHA256 of `<timestamp>.<raw body>`", () => {
    expect(verify(signed())).toEqual({ ok: true });
    expect(genericSignatureHeaders(SECRET, RAW_BODY, NOW)).toEqual(signed());
  });

  it("accepts upper-case hex and surrounding spaces", () => {
    const headers = signed();
    expect(verify({ ...headers, "X-Rebound-Signature": ` ${headers["X-Rebound-Signature"].toUpperCase().replace("V1=", "v1=")} ` })).toEqual({ ok: true });
  });

  it("rejects a body changed by one character after signing", () => {
    expect(reasonOf(verify(signed(), { rawBody: RAW_BODY.replace("+13105550111", "+13105550112") }))).toBe("the signature does not match the body");
  });

  it("rejects a signature made with another secret", () => {
    expect(verify(signed(), { secret: SECRET + "x" }).ok).toBe(false);
  });

  it("rejects a timestamp that was changed after signing", () => {
    expect(verify({ ...signed(), "X-Rebound-Timestamp": String(Number(TS) - 1) }).ok).toBe(false);
  });

  it("accepts a timestamp 5 minutes old, rejects one 5 minutes and 1 second old (a replay)", () => {
    expect(verify(signed(String(Number(TS) - 300)))).toEqual({ ok: true });
    expect(reasonOf(verify(signed(String(Number(TS) - 301))))).toBe("X-Rebound-Timestamp is more than 300 seconds from the server's clock");
  });

  it("rejects a timestamp more than 5 minutes in the future", () => {
    expect(verify(signed(String(Number(TS) + 301))).ok).toBe(false);
  });

  it.each([
    ["no timestamp", { "X-Rebound-Signature": signed()["X-Rebound-Signature"] }, "missing X-Rebound-Timestamp header"],
    ["no signature", { "X-Rebound-Timestamp": TS }, "missing X-Rebound-Signature header"],
    ["an ISO date instead of unix seconds", { ...signed(), "X-Rebound-Timestamp": NOW.toISOString() }, "X-Rebound-Timestamp must be unix seconds"],
    ["unix milliseconds", { ...signed(), "X-Rebound-Timestamp": String(NOW.getTime()) }, "X-Rebound-Timestamp must be unix seconds"],
    ["no v1= prefix", { ...signed(), "X-Rebound-Signature": signGenericPayload(SECRET, TS, RAW_BODY) }, "X-Rebound-Signature must be v1=<64 hex characters>"],
    ["a truncated signature", { ...signed(), "X-Rebound-Signature": signed()["X-Rebound-Signature"].slice(0, 40) }, "X-Rebound-Signature must be v1=<64 hex characters>"],
    [
      "a base64 signature",
      { ...signed(), "X-Rebound-Signature": "v1=" + Buffer.from(signGenericPayload(SECRET, TS, RAW_BODY), "hex").toString("base64") },
      "X-Rebound-Signature must be v1=<64 hex characters>",
    ],
  ])("rejects %s, saying why", (_name, headers, reason) => {
    expect(verify(headers)).toEqual({ ok: false, reason });
  });
});

describe("the documented shell pipeline (docs/webhooks.md)", () => {
  const docs = readFileSync(path.join(process.cwd(), "docs/webhooks.md"), "utf8");
  const sigLine = docs.split("\n").find((line) => line.startsWith("sig=$("));

  it("is in the docs, using openssl as documented", () => {
    expect(sigLine).toBe(`sig=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$GENERIC_WEBHOOK_SECRET" -hex | sed 's/^.* //')`);
  });

  it("produces, with openssl in a real shell, a signature verify accepts", () => {
    const body =
      docs
        .split("\n")
        .find((line) => line.startsWith("body='"))
        ?.slice("body='".length, -1) ?? "";
    // The fixture, dialling the demo spa's PBX number on the generic webhook (a Twilio number would refuse it).
    expect(JSON.parse(body)).toEqual({ ...missed, to: "+13105550180" });
    const sig = execFileSync("sh", ["-c", `${sigLine}\nprintf '%s' "$sig"`], {
      env: { NODE_ENV: "test", PATH: process.env.PATH, ts: TS, body, GENERIC_WEBHOOK_SECRET: SECRET },
      encoding: "utf8",
    });
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verify({ "X-Rebound-Timestamp": TS, "X-Rebound-Signature": `v1=${sig}` }, { rawBody: body })).toEqual({ ok: true });
  });
});

describe("GENERIC_WEBHOOK_SECRET", () => {
  it("is only a value for the seed: the adapter has no secret of its own to fall back on", () => {
    expect(seedWebhookSecrets({ NODE_ENV: "production", GENERIC_WEBHOOK_SECRET: "from-env" }).generic).toEqual({ value: "from-env", from: "environment" });
    expect(JSON.stringify(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), GENERIC_WEBHOOK_SECRET: "from-env" }))).not.toContain("from-env");
    expect(Object.keys(genericAdapter).sort()).toEqual(["dialledNumber", "parse", "provider", "verify"]);
  });
});
