// The per-organization webhook secrets: generated here, pasted from a provider, or cleared back to
// the server's environment value. Shown in full once, at creation; after that only a masked ending.
import { randomBytes } from "node:crypto";
import { z } from "zod";

export type SecretProvider = "openphone" | "aircall" | "generic";

export const SECRET_COLUMN = {
  openphone: "openphoneWebhookSecret",
  aircall: "aircallWebhookToken",
  generic: "genericWebhookSecret",
} as const satisfies Record<SecretProvider, string>;

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes (OpenPhone current, CRM). */
export function newWhsecSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function newProviderSecret(provider: SecretProvider): string {
  if (provider === "openphone") return newWhsecSecret();
  return randomBytes(24).toString("hex");
}

/** "whsec_abc…wxyz" → "whsec_••••••••wxyz": enough to tell two secrets apart, not to use one. */
export function maskSecret(secret: string): string {
  const prefix = secret.startsWith("whsec_") ? "whsec_" : "";
  return `${prefix}${"•".repeat(8)}${secret.slice(-4)}`;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** What a pasted secret must look like for each provider, so a typo is caught here, not at the first call. */
export const pastedSecretSchemas: Record<SecretProvider, z.ZodType<string>> = {
  openphone: z
    .string()
    .trim()
    .refine((s) => base64.test(s.startsWith("whsec_") ? s.slice(6) : s) && s.length >= 16, {
      message: "Paste the signing secret Quo shows for the webhook (whsec_… or the base64 key of a legacy webhook).",
    }),
  aircall: z.string().trim().min(8, "Paste the token Aircall shows on the webhook's page.").max(200, "That token is too long."),
  generic: z.string().trim().min(16, "Use at least 16 characters.").max(200, "Use at most 200 characters."),
};

export type SecretSource = { kind: "organization"; masked: string } | { kind: "environment" } | { kind: "none" };

export function secretSource(orgValue: string | null, envValue: string | undefined): SecretSource {
  if (orgValue) return { kind: "organization", masked: maskSecret(orgValue) };
  return envValue ? { kind: "environment" } : { kind: "none" };
}
