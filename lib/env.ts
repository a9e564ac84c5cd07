// Environment, read and validated in one place (docs/architecture.md#environment; every variable: README.md#environment).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isSupportedCountry, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A positive whole-number limit from the environment, with its default when unset or empty. */
function limit(name: string, fallback: number) {
  return optional.pipe(
    z
      .string()
      .regex(/^\d{1,9}$/, `${name} must be a whole number`)
      .transform(Number)
      .pipe(z.number().min(1, `${name} must be at least 1`))
      .optional()
      .transform((value) => value ?? fallback),
  );
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/, message: "DATABASE_URL must be a postgres:// URL" }).optional()),
  /** Where the embedded database lives when DATABASE_URL is unset. */
  PGLITE_DIR: optional,
  APP_URL: optional.pipe(z.url({ message: "APP_URL must be an absolute http(s) URL" }).optional()),
  AUTH_SECRET: optional.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  TWILIO_ACCOUNT_SID: optional.pipe(
    z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, "TWILIO_ACCOUNT_SID looks like AC + 32 hex")
      .optional(),
  ),
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_API_BASE: optional.pipe(z.url({ message: "TWILIO_API_BASE must be an absolute URL" }).optional()),
  OPENPHONE_API_BASE: optional.pipe(z.url({ message: "OPENPHONE_API_BASE must be an absolute URL" }).optional()),
  AIRCALL_API_BASE: optional.pipe(z.url({ message: "AIRCALL_API_BASE must be an absolute URL" }).optional()),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, "PORT must be a port number")
    .transform(Number)
    .optional(),
  TRUST_PROXY_HOPS: optional.pipe(
    z
      .string()
      .regex(/^\d{1,2}$/, "TRUST_PROXY_HOPS must be the number of proxies in front of the app (0 when clients connect directly)")
      .transform(Number)
      .pipe(z.number().max(10, "TRUST_PROXY_HOPS must be at most 10"))
      .optional(),
  ),
  REBOUND_AUTO_TEXTS_PER_DAY: limit("REBOUND_AUTO_TEXTS_PER_DAY", 300),
  REBOUND_MANUAL_TEXTS_PER_DAY: limit("REBOUND_MANUAL_TEXTS_PER_DAY", 200),
  REBOUND_TEXTS_PER_NUMBER_PER_MINUTE: limit("REBOUND_TEXTS_PER_NUMBER_PER_MINUTE", 30),
  REBOUND_TEXT_COUNTRIES: optional.pipe(
    z
      .string()
      .transform((value) => [
        ...new Set(
          value
            .split(",")
            .map((code) => code.trim().toUpperCase())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(
            z.string().refine((code) => isSupportedCountry(code), {
              error: (issue) => `REBOUND_TEXT_COUNTRIES: ${String(issue.input)} is not a country code (use ISO codes such as US,CA)`,
            }),
          )
          .min(1, "REBOUND_TEXT_COUNTRIES must name at least one country (for example US,CA)"),
      )
      .optional(),
  ),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  pgliteDir: string;
  appUrl: string;
  authSecret: string;
  /** Send texts through Twilio only when both are present; otherwise texts are `simulated`. */
  twilio: { accountSid: string; authToken: string } | undefined;
  /** Verifies X-Twilio-Signature: the real auth token, or a local development token. */
  twilioSigningToken: string | undefined;
  twilioApiBase: string | undefined;
  /** Quo's API host (v1 at api.openphone.com; it also stands for the 2026-03-30 API at api.quo.com). */
  openphoneApiBase: string;
  /** Aircall's API host. */
  aircallApiBase: string;
  /** How many proxies in front may append to X-Forwarded-For (lib/http/client-address.ts); 0: the header is ignored. */
  trustProxyHops: number;
  /** What the operator lets any organization text (docs/security-sending.md). */
  sending: SendingLimits;
};

export type SendingLimits = {
  /** Automatic texts (text-backs and follow-ups) per organization per rolling 24 h. */
  autoTextsPerDay: number;
  /** Texts typed by coordinators per organization per rolling 24 h. */
  manualTextsPerDay: number;
  /** Texts from one number per rolling minute; more wait rather than being dropped. */
  textsPerNumberPerMinute: number;
  /** The countries an owner may enable for texting (each organization starts with US and CA, if allowed). */
  textCountries: CountryCode[];
};

export class EnvError extends Error {
  override name = "EnvError";
}

// turbopackIgnore: the embedded database writes here constantly; tracing it would make `next dev`
// reload the browser on every write.
export const DATA_DIR = path.resolve(/* turbopackIgnore: true */ process.cwd(), ".data");
const DEV_SECRETS_FILE = path.join(DATA_DIR, "dev-secrets.json");

const devSecretsSchema = z.object({
  authSecret: z.string().min(32),
  twilioSigningToken: z.string().min(16),
  openphoneWebhookSecret: z.string().startsWith("whsec_"),
  aircallWebhookToken: z.string().min(16),
  genericWebhookSecret: z.string().min(16),
});
export type DevSecrets = z.infer<typeof devSecretsSchema>;

function generateDevSecrets(): DevSecrets {
  return {
    authSecret: randomBytes(32).toString("base64url"),
    twilioSigningToken: randomBytes(16).toString("hex"),
    openphoneWebhookSecret: `whsec_${randomBytes(24).toString("base64")}`,
    aircallWebhookToken: randomBytes(16).toString("hex"),
    genericWebhookSecret: randomBytes(24).toString("hex"),
  };
}

/**
 * Development only: secrets generated once into ./.data, so `npm run dev` works with no setup and
 * `npm run simulate` can sign webhooks the app accepts. Never used when NODE_ENV=production.
 */
export function readOrCreateDevSecrets(): DevSecrets {
  let existing: Partial<DevSecrets> = {};
  if (existsSync(DEV_SECRETS_FILE)) {
    const raw: unknown = JSON.parse(readFileSync(DEV_SECRETS_FILE, "utf8"));
    const parsed = devSecretsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    existing = devSecretsSchema.partial().safeParse(raw).data ?? {};
  }
  // Keep the secrets that exist (sessions stay valid), add any that are missing.
  const secrets: DevSecrets = { ...generateDevSecrets(), ...existing };
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(DEV_SECRETS_FILE, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  return secrets;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  if (production && !e.AUTH_SECRET) {
    throw new EnvError("AUTH_SECRET is required in production: sessions cannot be signed without it, so no one could sign in.\n" + "  Generate one with: openssl rand -base64 32");
  }
  if (Boolean(e.TWILIO_ACCOUNT_SID) !== Boolean(e.TWILIO_AUTH_TOKEN) && e.TWILIO_ACCOUNT_SID) {
    throw new EnvError("TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not: set both, or neither to simulate texts.");
  }
  const dev = production ? undefined : readOrCreateDevSecrets();
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: path.resolve(/* turbopackIgnore: true */ e.PGLITE_DIR ?? path.join(DATA_DIR, "pglite")),
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT ?? 3000}`).replace(/\/+$/, ""),
    authSecret: e.AUTH_SECRET ?? dev!.authSecret,
    twilio: e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN } : undefined,
    twilioSigningToken: e.TWILIO_AUTH_TOKEN ?? dev?.twilioSigningToken,
    twilioApiBase: e.TWILIO_API_BASE?.replace(/\/+$/, ""),
    openphoneApiBase: (e.OPENPHONE_API_BASE ?? "https://api.openphone.com").replace(/\/+$/, ""),
    aircallApiBase: (e.AIRCALL_API_BASE ?? "https://api.aircall.io").replace(/\/+$/, ""),
    trustProxyHops: e.TRUST_PROXY_HOPS ?? 0,
    sending: {
      autoTextsPerDay: e.REBOUND_AUTO_TEXTS_PER_DAY,
      manualTextsPerDay: e.REBOUND_MANUAL_TEXTS_PER_DAY,
      textsPerNumberPerMinute: e.REBOUND_TEXTS_PER_NUMBER_PER_MINUTE,
      textCountries: (e.REBOUND_TEXT_COUNTRIES ?? ["US", "CA"]) as CountryCode[],
    },
  };
}

export type SeedWebhookSecret = { value: string; from: "environment" | "development" };
export type SeedWebhookSecrets = { openphone?: SeedWebhookSecret; aircall?: SeedWebhookSecret; generic?: SeedWebhookSecret };

/**
 * OPENPHONE_WEBHOOK_SECRET, AIRCALL_WEBHOOK_TOKEN and GENERIC_WEBHOOK_SECRET, else (outside
 * production) the development secrets in ./.data/dev-secrets.json. Read ONLY by the demo seed
 * (db/seed-demo.ts), which stores them as the demo organization's own secrets so the simulator
 * keeps working. Nothing verifies a webhook with them at runtime: secrets are per organization.
 */
export function seedWebhookSecrets(source: NodeJS.ProcessEnv = process.env): SeedWebhookSecrets {
  const dev = source.NODE_ENV === "production" ? undefined : readOrCreateDevSecrets();
  const pick = (name: string, devValue: string | undefined): SeedWebhookSecret | undefined => {
    const value = optional.safeParse(source[name]).data;
    if (value) return { value, from: "environment" };
    return devValue ? { value: devValue, from: "development" } : undefined;
  };
  return {
    openphone: pick("OPENPHONE_WEBHOOK_SECRET", dev?.openphoneWebhookSecret),
    aircall: pick("AIRCALL_WEBHOOK_TOKEN", dev?.aircallWebhookToken),
    generic: pick("GENERIC_WEBHOOK_SECRET", dev?.genericWebhookSecret),
  };
}

/** The demo organization's Quo and Aircall API credentials, from the environment only (unset: those numbers are simulated). */
export type SeedApiCredentials = { openphoneApiKey?: string; aircall?: { apiId: string; apiToken: string } };

/** Read by `npm run db:seed` only, like the webhook secrets: stored as the demo organization's own. */
export function seedApiCredentials(source: Record<string, string | undefined> = process.env): SeedApiCredentials {
  const read = (name: string) => optional.safeParse(source[name]).data;
  const openphoneApiKey = read("OPENPHONE_API_KEY");
  const apiId = read("AIRCALL_API_ID");
  const apiToken = read("AIRCALL_API_TOKEN");
  return { ...(openphoneApiKey ? { openphoneApiKey } : {}), ...(apiId && apiToken ? { aircall: { apiId, apiToken } } : {}) };
}

let cached: Env | undefined;

/**
 * BENCH_ROUTES=1 turns on the benchmark's baseline route (/api/bench/bare); `npm run bench` sets it
 * for its own server. Read per call, not cached: nothing else depends on it.
 */
export function benchRoutesEnabled(source: NodeJS.ProcessEnv = process.env): boolean {
  return source.BENCH_ROUTES === "1";
}

/**
 * INTAKE_PAUSED=1: webhooks are verified, stored and acknowledged, and nothing processes them
 * (neither right after the answer nor from the sweeper), so a proof or the bench can look at the
 * stored events, or kill the server, before processing. Never set in production. Read per call.
 */
export function intakePaused(source: NodeJS.ProcessEnv = process.env): boolean {
  return source.INTAKE_PAUSED === "1";
}

/** The validated environment of this process (read once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
