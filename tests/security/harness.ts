// The security tier (issue 12): a victim spa (the demo's Glow Med Spa, seeded into this run's own
// Postgres database) and an attacker spa created through the real signup action, then set up
// through the real settings actions. Each test replays one attack and checks three things: it is
// refused, nothing of the victim changed (`fingerprint`), and the refusal is logged for the
// organization that tried (`refusals`). Route-level attacks run against `next start` (the
// production build) on the same database: `useSecurityHarness({ serverPort })`.
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { getDb, rowsOf, type Db } from "@/db/client";
import { createSession } from "@/db/queries/sessions";
import { events, locations, members, organizations, phoneNumbers } from "@/db/schema";
import { startAppServer, type AppServer } from "@/tools/app-server";
import { useHarness, type Harness } from "../integration/harness";
import type { StubbedSession } from "./setup";

export { uniqueCaller, APP_URL } from "../integration/harness";

export type Spa = { orgId: string; ownerId: string; ownerEmail: string; password: string; locationId: string };

export type SecurityHarness = Harness & {
  db: Db;
  victim: Spa;
  attacker: Spa;
  /** `next start` on this run's database, when the file asked for one. */
  server: AppServer | null;
  /** Calls the next server actions as this member (a real session row); null = signed out. */
  actAs: (memberId: string | null) => Promise<void>;
  /** Runs a server action with a form built from a plain object, as the browser would post it. */
  runAction: <S>(action: (previous: S, form: FormData) => Promise<S>, fields: Record<string, string | string[]>) => Promise<S>;
  /** Signs a new spa up through the real signup action; returns its ids. */
  signUpSpa: (label: string) => Promise<Spa>;
  /** Adds a number to a spa's location through the real settings action (as its owner). */
  addNumber: (spa: Spa, input: { e164: string; provider: "twilio" | "openphone" | "aircall" | "generic" }) => Promise<unknown>;
  /** A digest of every row an organization owns: equal before and after means nothing changed. */
  fingerprint: (orgId: string) => Promise<Record<string, string>>;
  /** `refused` events logged for an organization (null: refusals nobody could be named for), optionally with one reason. */
  refusals: (orgId: string | null, reason?: string) => Promise<{ reason: string | null; detail: unknown }[]>;
};

const PASSWORD = "correct horse battery staple";
const ORG_TABLES = [
  "locations",
  "phone_numbers",
  "contacts",
  "calls",
  "conversations",
  "messages",
  "outbox",
  "callbacks",
  "bookings",
  "tracked_links",
  "notes",
  "quick_replies",
  "members",
  "invitations",
  "api_tokens",
  "crm_deliveries",
] as const;

/** A port nobody listens on right now (several worktrees and runs may share this machine). */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `server: true` starts `next start` on a free port (or on `serverPort`) against this run's database. */
export function useSecurityHarness(options: { server?: boolean; serverPort?: number; serverEnv?: Record<string, string> } = {}): SecurityHarness {
  const base = useHarness();
  const h = base as SecurityHarness;
  h.server = null;
  const holder = globalThis as unknown as { __reboundSession?: StubbedSession };

  h.actAs = async (memberId) => {
    holder.__reboundSession = memberId ? { sessionId: await createSession({ memberId, expiresAt: new Date(Date.now() + 3_600_000) }, h.db), user: { id: memberId } } : null;
  };

  h.runAction = async (action, fields) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    return action(undefined as never, form);
  };

  h.signUpSpa = async (label) => {
    const { signupAction } = await import("@/app/(auth)/signup/actions");
    const email = `${label}-${Date.now().toString(36)}@attacker.test`.toLowerCase();
    await h.actAs(null);
    const state = await h.runAction(signupAction, { spaName: `${label} Aesthetics`, name: `${label} Owner`, email, password: PASSWORD, timezone: "America/Los_Angeles" });
    const [owner] = await h.db
      .select()
      .from(members)
      .where(eq(sql`lower(${members.email})`, email))
      .limit(1);
    if (!owner) throw new Error(`signup of ${email} created no member: ${JSON.stringify(state)}`);
    const [location] = await h.db.select().from(locations).where(eq(locations.orgId, owner.orgId)).limit(1);
    if (!location) throw new Error("signup created no location");
    // A new spa texts nobody until it has opening hours and a booking link (issue 13): set them as
    // an owner does in settings, so these attacks run against a spa that texts.
    const { replaceLocationHours } = await import("@/db/queries/settings");
    await replaceLocationHours(
      { orgId: owner.orgId, locationId: location.id, shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })) },
      h.db,
    );
    await h.db
      .update(locations)
      .set({ bookingUrl: `https://book.${label.toLowerCase()}.example/` })
      .where(eq(locations.id, location.id));
    return { orgId: owner.orgId, ownerId: owner.id, ownerEmail: email, password: PASSWORD, locationId: location.id };
  };

  h.addNumber = async (spa, { e164, provider }) => {
    const { addNumberAction } = await import("@/app/(dashboard)/settings/locations/actions");
    await h.actAs(spa.ownerId);
    return h.runAction(addNumberAction, { locationId: spa.locationId, number: e164, provider, label: "Main line" });
  };

  h.fingerprint = async (orgId) => {
    const out: Record<string, string> = {};
    for (const table of ORG_TABLES) {
      const result = await h.db.execute(
        sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(table)} t where t.org_id = ${orgId}`,
      );
      out[table] = String(rowsOf<{ digest: string | null }>(result)[0]?.digest ?? "");
    }
    const org = await h.db.execute(sql`select md5(t::text) as digest from organizations t where t.id = ${orgId}`);
    out.organizations = String(rowsOf<{ digest: string }>(org)[0]?.digest ?? "");
    return out;
  };

  h.refusals = async (orgId, reason) => {
    const rows = await h.db
      .select({ reason: events.reason, detail: events.detail })
      .from(events)
      .where(and(orgId ? eq(events.orgId, orgId) : isNull(events.orgId), eq(events.type, "refused"), reason ? eq(events.reason, reason) : undefined));
    return rows;
  };

  beforeAll(async () => {
    h.db = await getDb();
    const [glow] = await h.db.select().from(organizations).where(eq(organizations.slug, "glow")).limit(1);
    if (!glow) throw new Error("the demo spa is not seeded");
    const [owner] = await h.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, glow.id), eq(members.role, "owner")))
      .limit(1);
    const [downtown] = await h.db
      .select()
      .from(locations)
      .where(and(eq(locations.orgId, glow.id), eq(locations.name, "Downtown")))
      .limit(1);
    h.victim = { orgId: glow.id, ownerId: owner!.id, ownerEmail: owner!.email, password: "rebound-demo", locationId: downtown!.id };
    h.attacker = await h.signUpSpa("mallory");
    if (options.server || options.serverPort) {
      h.server = await startAppServer({
        port: options.serverPort ?? (await freePort()),
        databaseUrl: process.env.DATABASE_URL!,
        twilio: { accountSid: h.standIn.accountSid, authToken: h.standIn.authToken, apiBase: h.standIn.url },
        appUrl: process.env.APP_URL,
        env: options.serverEnv,
        stdio: "ignore",
      });
    }
  }, 120_000);

  afterAll(async () => {
    holder.__reboundSession = null;
    await h.server?.stop();
  });

  return h;
}

/** The numbers a spa holds, by provider. */
export async function numbersOf(db: Db, orgId: string) {
  return db.select({ e164: phoneNumbers.e164, provider: phoneNumbers.provider }).from(phoneNumbers).where(eq(phoneNumbers.orgId, orgId));
}

/** Set-Cookie lines folded into a Cookie header value (name=value; …), over the ones already held. */
export function mergeCookies(setCookieLines: readonly string[], previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((c) => c.split("=", 2) as [string, string]),
  );
  for (const line of setCookieLines) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

const cookiesOf = (response: Response, previous = "") => mergeCookies(response.headers.getSetCookie(), previous);

/** Signs in over HTTP the way the browser's credentials post does; returns the Cookie header. */
export async function signInOverHttp(server: AppServer, { email, password }: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = cookiesOf(csrf);
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${server.url}/inbox` }),
  });
  cookie = cookiesOf(response, cookie);
  if (!/session-token=/.test(cookie)) throw new Error(`sign-in of ${email} set no session cookie (HTTP ${response.status})`);
  return cookie;
}
