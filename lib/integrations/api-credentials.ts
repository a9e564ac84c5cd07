// The organization's own API credentials for the phone systems that send its texts (Quo's API key,
// Aircall's api id and token): what a pasted value must look like, and how settings shows a saved
// one (its last 4 characters, never the whole secret).
import { z } from "zod";

export type ApiCredentialProvider = "openphone" | "aircall";

const token = (what: string) =>
  z.string().trim().min(8, `Paste the ${what} as Aircall shows it.`).max(200, `That ${what} is too long.`).regex(/^\S+$/, `The ${what} has no spaces: paste it again.`);

export const quoApiKeySchema = z.object({
  apiKey: z
    .string()
    .trim()
    .min(16, "Paste the API key Quo shows under workspace settings → API (it is longer than that).")
    .max(200, "That API key is too long.")
    .regex(/^\S+$/, "An API key has no spaces: paste it again."),
});

export const aircallCredentialsSchema = z.object({ apiId: token("API ID"), apiToken: token("API token") });

/** "abcd…wxyz" → "••••••••wxyz": enough to recognise a saved key, not to use it. */
export function maskCredential(value: string): string {
  return `${"•".repeat(8)}${value.slice(-4)}`;
}

export type CredentialStatus = { saved: false } | { saved: true; masked: string };

export function credentialStatus(value: string | null): CredentialStatus {
  return value ? { saved: true, masked: maskCredential(value) } : { saved: false };
}
