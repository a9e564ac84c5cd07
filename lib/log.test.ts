// What reaches the server log about a failure: enough to find it, never a secret.
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newApiToken } from "@/lib/api/tokens";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { newProviderSecret, newWhsecSecret } from "@/lib/integrations/secrets";
import { hashInviteToken, inviteUrl, newInviteToken } from "@/lib/team/tokens";
import { describeError, logError, redactSecrets } from "./log";

const HASH = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==";
const WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** A Postgres error as postgres.js raises it: the message and detail quote the values. */
function postgresError(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "members_email_key"'), {
    name: "PostgresError",
    code: "23505",
    severity: "ERROR",
    detail: "Key (email)=(owner@glow.test) already exists.",
    constraint_name: "members_email_key",
    table_name: "members",
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("describeError", () => {
  it("a failed query: the SQL without its parameters, and the database code and constraint", () => {
    const error = new DrizzleQueryError('insert into "members" ("email", "password_hash") values ($1, $2)', ["owner@glow.test", HASH], postgresError());
    const summary = describeError(error);
    expect(summary).toBe(
      'Failed query (parameters withheld): insert into "members" ("email", "password_hash") values ($1, $2)\n' +
        '  ← caused by PostgresError 23505: duplicate key value violates unique constraint "…", table members, constraint members_email_key',
    );
    expect(summary).not.toContain(HASH);
    expect(summary).not.toContain("owner@glow.test");
  });

  it("our own AppError keeps its code and message", () => {
    expect(describeError(new AppError("not_found", "That conversation does not exist."))).toBe("AppError not_found: That conversation does not exist.");
  });

  it("a programming error keeps its message and a few stack frames", () => {
    const summary = describeError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(summary).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'id'\)\n\s+at /);
    expect(summary.split("\n").length).toBeLessThanOrEqual(7);
  });

  it("reads through Auth.js' { err } cause wrapper", () => {
    const inner = new DrizzleQueryError("select 1 where $1", [HASH], postgresError());
    const wrapped = new Error("Read more at https://errors.authjs.dev#callbackrouteerror", { cause: { err: inner, provider: "credentials" } });
    const summary = describeError(wrapped);
    expect(summary).toContain("caused by Failed query (parameters withheld): select 1 where $1");
    expect(summary).not.toContain(HASH);
  });

  it("masks environment secrets and secret-shaped strings wherever they appear", () => {
    vi.stubEnv("TWILIO_AUTH_TOKEN", "tw-auth-token-0123456789abcdef");
    const { token } = newApiToken();
    const error = new Error(`fetch failed for postgres://app:hunter2hunter2@db:5432/rebound with tw-auth-token-0123456789abcdef and ${WHSEC}, ${HASH}, ${token}`);
    const summary = describeError(error);
    for (const secret of ["tw-auth-token-0123456789abcdef", "hunter2hunter2", WHSEC, HASH, token]) expect(summary).not.toContain(secret);
    expect(summary).toContain("postgres://app:[redacted]@db:5432/rebound");
  });

  it("copes with things that are not errors", () => {
    expect(describeError("boom")).toBe("a thrown string (not an Error)");
    expect(describeError(null)).toBe("a thrown null (not an Error)");
  });
});

describe("logError", () => {
  it("writes one summary line with its context", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    logError("inbox", new DrizzleQueryError("update messages set body = $1", ["my card is 4242 4242 4242 4242"], postgresError()), "reply failed");
    expect(spy).toHaveBeenCalledTimes(1);
    const [line] = spy.mock.calls[0] ?? [];
    expect(line).toMatch(/^\[inbox\] reply failed: Failed query \(parameters withheld\): update messages set body = \$1/);
    expect(String(line)).not.toContain("4242");
  });
});

describe("redactSecrets", () => {
  it("leaves ordinary text alone", () => {
    expect(redactSecrets("Twilio answered 503; will retry in 4 s")).toBe("Twilio answered 503; will retry in 4 s");
  });

  it("masks a real read-API token wherever it appears (issue 12: the old pattern expected rb_live_…, which Rebound never makes)", () => {
    const { token } = newApiToken();
    for (const line of [`token ${token} refused`, `{"authorization":"Bearer ${token}"}`, `api_token=${token}&x=1`, `"${token}"`]) {
      const out = redactSecrets(line);
      expect(out).not.toContain(token);
      expect(out).not.toContain(token.slice(3, 20));
    }
    expect(redactSecrets(`token ${token} refused`)).toBe("token rb_[redacted] refused");
  });

  it("masks invitation links, webhook secrets of every shape and token hashes", () => {
    const { token } = newInviteToken();
    const link = inviteUrl("https://app.rebound.example", token);
    const secrets = [newWhsecSecret(), newProviderSecret("generic"), newProviderSecret("aircall"), hashInviteToken(token)];
    const out = redactSecrets(`link ${link}; secrets ${secrets.join(" ")}`);
    expect(out).toContain("https://app.rebound.example/invite/[redacted]");
    for (const secret of [token, ...secrets]) expect(out).not.toContain(secret);
  });

  it("masks a real password hash, argon2id or the older scrypt", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const out = redactSecrets(`update members set password_hash = '${stored}' and old = '${HASH}'`);
    expect(out).toContain("$argon2id$[redacted]");
    expect(out).not.toContain(stored.split("$").pop()!);
    expect(out).not.toContain(HASH);
  });

  it("keeps ids readable: uuids (session ids among them), Twilio SIDs, phone numbers", () => {
    const line = "session 3f2b8c1e-9d4a-4b7e-8c2f-1a2b3c4d5e6f, call CA0123456789abcdef0123456789abcdef, from +13105550100";
    expect(redactSecrets(line)).toBe(line);
  });
});
