import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { acceptedSecrets, maskSecret, newProviderSecret, newWhsecSecret, pastedSecretSchemas, ROTATION_GRACE_MS, rotatedSecret, secretStatus } from "./secrets";
import { isLocalUrl, webhookUrls } from "./webhook-urls";

describe("webhook secrets", () => {
  it("a generated whsec_ secret is 32 random bytes that the Standard Webhooks library accepts", () => {
    const secret = newWhsecSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(() => new Webhook(secret)).not.toThrow();
    expect(newWhsecSecret()).not.toBe(secret);
  });

  it("generated provider secrets pass that provider's paste rules", () => {
    for (const provider of ["openphone", "aircall", "generic"] as const) {
      expect(pastedSecretSchemas[provider].safeParse(newProviderSecret(provider)).success).toBe(true);
    }
  });

  it("a masked secret keeps only its prefix and last four characters", () => {
    expect(maskSecret("whsec_abcdefghijklmnopWXYZ")).toBe("whsec_••••••••WXYZ");
    expect(maskSecret("0123456789abcdef")).toBe("••••••••cdef");
  });

  it("refuses pasted values that cannot be the provider's secret", () => {
    expect(pastedSecretSchemas.openphone.safeParse("not a secret!").success).toBe(false);
    expect(pastedSecretSchemas.aircall.safeParse("short").success).toBe(false);
    expect(pastedSecretSchemas.generic.safeParse("tooshort").success).toBe(false);
    expect(pastedSecretSchemas.openphone.safeParse(" whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ").data).toBe("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  });

  const NOW = new Date("2026-03-02T10:00:00Z");
  const later = (ms: number) => new Date(NOW.getTime() + ms);

  it("an integration that is off accepts no secret at all", () => {
    expect(acceptedSecrets({ current: null, previous: null, previousUntil: null }, NOW)).toEqual([]);
    // A leftover previous secret never works on its own once the integration is off.
    expect(acceptedSecrets({ current: null, previous: "old-secret-abcd", previousUntil: later(3600_000) }, NOW)).toEqual([]);
  });

  it("turning on keeps no previous secret; rotating keeps the old one for 24 hours, then only the new one", () => {
    const on = rotatedSecret({ current: null, previous: null, previousUntil: null }, "first-secret-1111", NOW);
    expect(on).toEqual({ current: "first-secret-1111", previous: null, previousUntil: null });
    const rotated = rotatedSecret(on, "second-secret-2222", NOW);
    expect(rotated).toEqual({ current: "second-secret-2222", previous: "first-secret-1111", previousUntil: later(ROTATION_GRACE_MS) });
    expect(ROTATION_GRACE_MS).toBe(24 * 3600 * 1000);
    expect(acceptedSecrets(rotated, later(ROTATION_GRACE_MS - 1))).toEqual(["second-secret-2222", "first-secret-1111"]);
    expect(acceptedSecrets(rotated, later(ROTATION_GRACE_MS))).toEqual(["second-secret-2222"]);
  });

  it("saving the secret already in force is not a rotation", () => {
    const rotated = rotatedSecret({ current: "same-secret-3333", previous: "older-secret-0000", previousUntil: later(1000) }, "same-secret-3333", NOW);
    expect(rotated).toEqual({ current: "same-secret-3333", previous: "older-secret-0000", previousUntil: later(1000) });
  });

  it("the status shows masked endings only, and the previous secret only while it still works", () => {
    const rotated = { current: "second-secret-2222", previous: "first-secret-1111", previousUntil: later(60_000) };
    expect(secretStatus(rotated, NOW)).toEqual({ kind: "on", masked: "••••••••2222", previous: { masked: "••••••••1111", until: later(60_000) } });
    expect(secretStatus(rotated, later(60_000))).toEqual({ kind: "on", masked: "••••••••2222", previous: null });
    expect(secretStatus({ current: null, previous: null, previousUntil: null }, NOW)).toEqual({ kind: "off" });
  });
});

describe("webhook URLs", () => {
  it("are APP_URL + the route, for every Twilio webhook an owner configures", () => {
    const urls = webhookUrls("https://rebound.example.com/");
    expect(urls.twilio.map((u) => u.url)).toEqual([
      "https://rebound.example.com/api/webhooks/twilio/voice",
      "https://rebound.example.com/api/webhooks/twilio/dial",
      "https://rebound.example.com/api/webhooks/twilio/call-status",
      "https://rebound.example.com/api/webhooks/twilio/sms",
      "https://rebound.example.com/api/webhooks/twilio/queue",
    ]);
    expect(urls.openphone[0]?.url).toBe("https://rebound.example.com/api/webhooks/openphone");
    expect(urls.aircall[0]?.url).toBe("https://rebound.example.com/api/webhooks/aircall");
    expect(urls.generic[0]?.url).toBe("https://rebound.example.com/api/webhooks/generic");
  });

  it("flags addresses a phone system cannot reach", () => {
    expect(isLocalUrl("http://localhost:3000")).toBe(true);
    expect(isLocalUrl("http://127.0.0.1:3100")).toBe(true);
    expect(isLocalUrl("https://rebound.example.com")).toBe(false);
  });
});
