import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { maskSecret, newProviderSecret, newWhsecSecret, pastedSecretSchemas, secretSource } from "./secrets";
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

  it("says where the secret in force comes from", () => {
    expect(secretSource("own-secret-1234", "env")).toEqual({ kind: "organization", masked: "••••••••1234" });
    expect(secretSource(null, "env")).toEqual({ kind: "environment" });
    expect(secretSource(null, undefined)).toEqual({ kind: "none" });
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
