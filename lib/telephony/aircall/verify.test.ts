// Aircall's only authentication is the `token` inside the body (docs/provider-formats.md#aircall), replayed on the
// documented call.ended example (./fixtures/call-ended-missed.json).
import { describe, expect, it } from "vitest";
import { parseEnv, seedWebhookSecrets } from "@/lib/env";
import { aircallAdapter } from "./adapter";
import ended from "./fixtures/call-ended-missed.json";
import { tokenOf, verifyAircallToken } from "./verify";

const TOKEN = ended.token;

describe("verifyAircallToken", () => {
  it("accepts the token the webhook was created with", () => {
    expect(verifyAircallToken({ body: ended, token: TOKEN })).toEqual({ ok: true });
  });

  it("rejects a different token of the same length", () => {
    expect(verifyAircallToken({ body: ended, token: TOKEN.replace(/.$/, "9") })).toEqual({ ok: false, reason: "the token does not match this webhook's token" });
  });

  it("rejects a token of a different length without throwing", () => {
    expect(verifyAircallToken({ body: { ...ended, token: TOKEN + "x" }, token: TOKEN }).ok).toBe(false);
    expect(verifyAircallToken({ body: { ...ended, token: "" }, token: TOKEN }).ok).toBe(false);
  });

  it("rejects a body with no token, or a token that is not a string", () => {
    const { token: _t, ...untokened } = ended;
    expect(verifyAircallToken({ body: untokened, token: TOKEN })).toEqual({ ok: false, reason: "the body has no token" });
    expect(verifyAircallToken({ body: { ...ended, token: 45 }, token: TOKEN }).ok).toBe(false);
    expect(tokenOf(null)).toBeNull();
    expect(tokenOf([TOKEN])).toBeNull();
  });

  it("compares multi-byte tokens by bytes", () => {
    expect(verifyAircallToken({ body: { token: "tökén" }, token: "tökén" })).toEqual({ ok: true });
    expect(verifyAircallToken({ body: { token: "tokenn" }, token: "tökén" }).ok).toBe(false);
  });
});

describe("AIRCALL_WEBHOOK_TOKEN", () => {
  it("is only a value for the seed: the adapter has no token of its own to fall back on", () => {
    expect(seedWebhookSecrets({ NODE_ENV: "production", AIRCALL_WEBHOOK_TOKEN: "from-env" }).aircall).toEqual({ value: "from-env", from: "environment" });
    expect(JSON.stringify(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), AIRCALL_WEBHOOK_TOKEN: "from-env" }))).not.toContain("from-env");
    expect(Object.keys(aircallAdapter).sort()).toEqual(["dialledNumber", "parse", "provider", "verify"]);
  });
});
