// The per-organization webhook secrets: generated here (or pasted from a provider that issues its
// own), rotated with a grace period for the old one, or turned off. There is no server-wide
// fallback: an organization without a secret for a provider refuses that provider's webhooks.
// Shown in full once, at creation; after that only a masked ending.
import { randomBytes } from "node:crypto";
import { z } from "zod";

export type SecretProvider = "openphone" | "aircall" | "generic";

export const SECRET_PROVIDERS = ["openphone", "aircall", "generic"] as const satisfies readonly SecretProvider[];

/** The organization's columns for each provider: the secret in force, and the one it replaced. */
export const SECRET_COLUMNS = {
  openphone: { current: "openphoneWebhookSecret", previous: "openphoneWebhookSecretPrevious", previousUntil: "openphoneWebhookSecretPreviousUntil" },
  aircall: { current: "aircallWebhookToken", previous: "aircallWebhookTokenPrevious", previousUntil: "aircallWebhookTokenPreviousUntil" },
  generic: { current: "genericWebhookSecret", previous: "genericWebhookSecretPrevious", previousUntil: "genericWebhookSecretPreviousUntil" },
} as const satisfies Record<SecretProvider, { current: string; previous: string; previousUntil: string }>;

/** How long the secret a rotation replaced keeps working, so the phone system can be updated. */
export const ROTATION_GRACE_MS = 24 * 3600 * 1000;

/** One provider's secret for one organization; `current` null means the integration is off. */
export type WebhookSecret = { current: string | null; previous: string | null; previousUntil: Date | null };
export type OrgSecrets = Record<SecretProvider, WebhookSecret>;

export const NO_SECRET: WebhookSecret = { current: null, previous: null, previousUntil: null };

/** The secrets a webhook may be signed with at `now`: the current one, and the replaced one until its time. */
export function acceptedSecrets(secret: WebhookSecret, now: Date): string[] {
  if (!secret.current) return [];
  const previousValid = secret.previous && secret.previousUntil && now.getTime() < secret.previousUntil.getTime();
  return previousValid ? [secret.current, secret.previous!] : [secret.current];
}

/** A new secret in force: the one it replaces keeps working for the grace period. */
export function rotatedSecret(existing: WebhookSecret, next: string, now: Date, graceMs = ROTATION_GRACE_MS): WebhookSecret {
  if (!existing.current || existing.current === next) return { ...existing, current: next };
  return { current: next, previous: existing.current, previousUntil: new Date(now.getTime() + graceMs) };
}

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

/** What the settings page shows about a provider's secret, without the secret itself. */
export type SecretStatus = { kind: "on"; masked: string; previous: { masked: string; until: Date } | null } | { kind: "off" };

export function secretStatus(secret: WebhookSecret, now: Date): SecretStatus {
  if (!secret.current) return { kind: "off" };
  const [, previous] = acceptedSecrets(secret, now);
  return {
    kind: "on",
    masked: maskSecret(secret.current),
    previous: previous && secret.previousUntil ? { masked: maskSecret(previous), until: secret.previousUntil } : null,
  };
}
