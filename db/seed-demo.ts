// The demo spa of docs/architecture.md#demo-data: Glow Med Spa, two locations (a Twilio number
// each, plus a Quo, an Aircall and a generic PBX number), its own webhook secrets, two members and
// ~90 days of generated history. Deterministic and idempotent: when the organization exists,
// nothing is generated again. Used by `npm run db:seed` (db/seed.ts) and the first `npm run dev`.
import { eq, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import { getOrgSecrets, setOrgWebhookSecret } from "@/db/queries/organizations";
import { listTreatments, replaceTreatments } from "@/db/queries/treatments";
import { hashPassword } from "@/lib/auth/password";
import { seedApiCredentials, seedWebhookSecrets, type SeedApiCredentials, type SeedWebhookSecrets } from "@/lib/env";
import { newProviderSecret, SECRET_PROVIDERS, type SecretProvider } from "@/lib/integrations/secrets";
import { DEFAULT_TEMPLATES, type TemplateSituation } from "@/lib/messaging/default-templates";
import type { Shift } from "@/lib/schedule/hours";
import type { Db, Tx } from "./client";
import {
  bookings,
  callbacks,
  calls,
  contacts,
  conversations,
  events,
  locationHours,
  locations,
  members,
  messages,
  messageTemplates,
  organizations,
  phoneNumbers,
  quickReplies,
} from "./schema";
import type { DemoLocation } from "./seed-calls";
import { DEMO_TREATMENT_MENU, stableUuid } from "./seed-fixtures";
import { generateHistory } from "./seed-history";

export const DEMO_ORG = { name: "Glow Med Spa", slug: "glow" } as const;
export const DEMO_PASSWORD = "rebound-demo";
export const DEMO_MEMBERS = [
  { email: "owner@glow.test", name: "Olivia Owner", role: "owner" },
  { email: "desk@glow.test", name: "Dana Desk", role: "coordinator" },
] as const;

/**
 * A known landline the spa's front desk already has on file (`npm run simulate -- --scenario
 * landline`): its missed calls get a callback task, never a text. The generated pool never uses it.
 */
export const DEMO_LANDLINE = { phone: "+13105550142", name: "Harbor Dental (front desk)", kind: "vendor", lineType: "landline" } as const;

/** Saved replies the desk inserts with one click (the inbox's "Quick replies" menu). */
export const DEMO_QUICK_REPLIES = [
  { title: "Open slot today", body: "Good news: we have an opening today. Would 3:30 or 5:00 work for you?" },
  { title: "Consult is free", body: "Consultations are free and take about 20 minutes. Want me to book one for you this week?" },
  { title: "Botox pricing", body: "Botox is $14 per unit, and most first visits use 20 to 40 units. Happy to book a consult to plan yours!" },
  { title: "Address and parking", body: "We're at 1200 Main St, Suite 4. Free parking behind the building; just text us when you arrive." },
] as const;

const HISTORY_DAYS = 90;
export const DEMO_SEED = 0x6c6f77; // "glow"
const BATCH = 500;
const DAY_MS = 86_400_000;

const shifts = (weekdays: number[], ranges: [number, number][]): Shift[] =>
  weekdays.flatMap((weekday) => ranges.map(([opensMinute, closesMinute]) => ({ weekday, opensMinute, closesMinute })));

/** weekday 0 = Sunday … 6 = Saturday; minutes after local midnight. */
export const DEMO_LOCATIONS: readonly Omit<DemoLocation, "id">[] = [
  {
    name: "Downtown",
    number: "+13105550100",
    forwardingNumber: "+13105550101",
    timezone: "America/Los_Angeles",
    bookingUrl: "https://book.glowmedspa.example/downtown",
    shifts: [
      ...shifts(
        [1, 2, 3, 4, 5],
        [
          [9 * 60, 12 * 60 + 30],
          [13 * 60 + 15, 19 * 60],
        ],
      ),
      ...shifts([6], [[9 * 60, 15 * 60]]),
    ],
  },
  {
    name: "Westside",
    number: "+13105550199",
    forwardingNumber: "+13105550198",
    timezone: "America/Los_Angeles",
    bookingUrl: "https://book.glowmedspa.example/westside",
    shifts: shifts([2, 3, 4, 5, 6], [[10 * 60, 18 * 60]]),
  },
];

/**
 * One more demo number per phone system (docs/architecture.md#demo-data), so the simulator's Quo, Aircall
 * and generic scenarios have a number that accepts them under the provider rule. The PBX number's
 * texts are hosted on the Twilio account, so it can text back.
 */
export const DEMO_PROVIDER_NUMBERS = [
  { location: "Downtown", e164: "+13105550160", provider: "openphone", label: "Text line (Quo)" },
  { location: "Westside", e164: "+13105550170", provider: "aircall", label: "Aircall line" },
  { location: "Downtown", e164: "+13105550180", provider: "generic", label: "PBX (generic webhook)" },
] as const satisfies readonly { location: string; e164: string; provider: SecretProvider; label: string }[];

/** The demo number a simulated event of each phone system dials by default. */
export const DEMO_NUMBER_BY_PROVIDER: Record<"twilio" | SecretProvider, string> = {
  twilio: "+13105550100",
  openphone: "+13105550160",
  aircall: "+13105550170",
  generic: "+13105550180",
};

/** Inserts in batches; rows that already exist (same unique key) are left alone. */
async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx
      .insert(table)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoNothing();
  }
}

async function findOrg(db: Db | Tx): Promise<string | null> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug)).limit(1);
  return row?.id ?? null;
}

export type SeedResult = {
  created: boolean;
  orgId: string;
  /** Providers whose secret the seed generated (no environment or development value): see Settings → Integrations. */
  generatedSecrets: SecretProvider[];
};

export async function seedDemo(db: Db, options: { now?: Date; secrets?: SeedWebhookSecrets; apiCredentials?: SeedApiCredentials } = {}): Promise<SeedResult> {
  const seeded = await seedDemoOrg(db, options);
  // Also for a database seeded before these existed: both steps change nothing the second time.
  await ensureProviderNumbers(db, seeded.orgId);
  await ensureTreatmentMenu(db, seeded.orgId);
  const generatedSecrets = await ensureWebhookSecrets(db, seeded.orgId, options.secrets ?? seedWebhookSecrets());
  await ensureApiCredentials(db, seeded.orgId, options.apiCredentials ?? seedApiCredentials());
  return { ...seeded, generatedSecrets };
}

/**
 * The demo organization's Quo and Aircall API credentials, when the environment hands them over
 * (they always win, like webhook secrets from the environment). Without them the demo's Quo and
 * Aircall numbers are proven as `simulated`, and their texts are recorded, never sent.
 */
async function ensureApiCredentials(db: Db, orgId: string, wanted: SeedApiCredentials): Promise<void> {
  const set = {
    ...(wanted.openphoneApiKey ? { openphoneApiKey: wanted.openphoneApiKey } : {}),
    ...(wanted.aircall ? { aircallApiId: wanted.aircall.apiId, aircallApiToken: wanted.aircall.apiToken } : {}),
  };
  if (Object.keys(set).length > 0) await db.update(organizations).set(set).where(eq(organizations.id, orgId));
}

/** The demo spa's treatment menu with its values, as an owner saves it in Settings → Treatments. */
async function ensureTreatmentMenu(db: Db, orgId: string): Promise<void> {
  if ((await listTreatments({ orgId }, db)).length > 0) return; // the owner's menu, even if edited
  await replaceTreatments({ orgId, rows: [...DEMO_TREATMENT_MENU] }, db);
}

async function ensureProviderNumbers(db: Db, orgId: string): Promise<void> {
  const [org] = await db.select({ createdAt: organizations.createdAt }).from(organizations).where(eq(organizations.id, orgId));
  // After the locations' Twilio numbers, so each location keeps texting from its main line by default.
  const at = new Date((org?.createdAt ?? new Date()).getTime() + 60_000);
  await db
    .insert(phoneNumbers)
    .values(
      DEMO_PROVIDER_NUMBERS.map((n) => ({
        id: stableUuid(`number:${n.e164}`),
        orgId,
        locationId: stableUuid(`location:${n.location}`),
        e164: n.e164,
        provider: n.provider,
        label: n.label,
        createdAt: at,
      })),
    )
    .onConflictDoNothing();
}

/**
 * The demo organization's own webhook secrets: a value from the environment always wins (the seed
 * is how an operator hands one to the demo spa); a development secret or a generated one only
 * fills a secret that is off, so a secret rotated in Settings survives a second seed.
 */
async function ensureWebhookSecrets(db: Db, orgId: string, wanted: SeedWebhookSecrets): Promise<SecretProvider[]> {
  const existing = await getOrgSecrets({ orgId }, db);
  const generated: SecretProvider[] = [];
  for (const provider of SECRET_PROVIDERS) {
    const current = existing?.[provider].current ?? null;
    const seed = wanted[provider];
    let next: string | null = null;
    if (seed?.from === "environment") next = seed.value === current ? null : seed.value;
    else if (!current) {
      next = seed?.value ?? newProviderSecret(provider);
      if (!seed) generated.push(provider);
    }
    if (next) await setOrgWebhookSecret({ orgId, provider, secret: { current: next, previous: null, previousUntil: null } }, db);
  }
  return generated;
}

async function seedDemoOrg(db: Db, options: { now?: Date }): Promise<{ created: boolean; orgId: string }> {
  const existing = await findOrg(db);
  if (existing) return { created: false, orgId: existing };

  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (HISTORY_DAYS + 5) * DAY_MS);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // scrypt: once, shared by both members

  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({ id: stableUuid("organization"), name: DEMO_ORG.name, slug: DEMO_ORG.slug, createdAt: since })
      .onConflictDoNothing()
      .returning({ id: organizations.id });
    if (!org) {
      // Another process seeded it between our check and this insert.
      const orgId = await findOrg(tx);
      if (!orgId) throw new Error("seed: organization 'glow' neither inserted nor found");
      return { created: false, orgId };
    }
    const orgId = org.id;

    const demoLocations: DemoLocation[] = DEMO_LOCATIONS.map((l) => ({ ...l, id: stableUuid(`location:${l.name}`) }));
    await insertAll(
      tx,
      locations,
      demoLocations.map((l) => ({
        id: l.id,
        orgId,
        name: l.name,
        timezone: l.timezone,
        forwardingNumber: l.forwardingNumber,
        bookingUrl: l.bookingUrl,
        createdAt: since,
      })),
    );
    await insertAll(
      tx,
      locationHours,
      demoLocations.flatMap((l) => l.shifts.map((s) => ({ id: stableUuid(`hours:${l.name}:${s.weekday}:${s.opensMinute}`), locationId: l.id, ...s }))),
    );
    await insertAll(
      tx,
      phoneNumbers,
      demoLocations.map((l) => ({ id: stableUuid(`number:${l.number}`), orgId, locationId: l.id, e164: l.number, provider: "twilio" as const, createdAt: since })),
    );
    const situations = Object.keys(DEFAULT_TEMPLATES) as TemplateSituation[];
    await insertAll(
      tx,
      messageTemplates,
      demoLocations.flatMap((l) =>
        situations.map((situation) => ({ id: stableUuid(`template:${l.name}:${situation}`), locationId: l.id, situation, body: DEFAULT_TEMPLATES[situation], updatedAt: since })),
      ),
    );

    await insertAll(
      tx,
      members,
      DEMO_MEMBERS.map((m) => ({ id: stableUuid(`member:${m.email}`), orgId, email: m.email, name: m.name, role: m.role, passwordHash, createdAt: since })),
    );
    const [desk] = await tx
      .select({ id: members.id })
      .from(members)
      .where(sql`lower(${members.email}) = ${DEMO_MEMBERS[1].email}`)
      .limit(1);
    if (!desk) throw new Error("seed: the coordinator member is missing");

    await insertAll(
      tx,
      quickReplies,
      DEMO_QUICK_REPLIES.map((q, i) => ({ id: stableUuid(`quick-reply:${i}`), orgId, ...q, createdAt: since })),
    );

    const history = generateHistory({ orgId, spaName: DEMO_ORG.name, deskId: desk.id, locations: demoLocations, now, days: HISTORY_DAYS, seed: DEMO_SEED });
    await insertAll(tx, contacts, history.contacts);
    await insertAll(tx, contacts, [{ id: stableUuid(`contact:${DEMO_LANDLINE.phone}`), orgId, ...DEMO_LANDLINE, lineTypeCheckedAt: now, createdAt: since }]);
    await insertAll(tx, calls, history.calls);
    await insertAll(tx, conversations, history.conversations);
    await insertAll(tx, messages, history.messages);
    await insertAll(tx, callbacks, history.callbacks);
    await insertAll(tx, bookings, history.bookings);
    await insertAll(tx, events, history.events);
    return { created: true, orgId };
  });
}
