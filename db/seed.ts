// `npm run db:seed`: loads the demo spa (db/seed-demo.ts) into DATABASE_URL, or the embedded
// database when it is unset. Idempotent: a second run changes nothing.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { openDb, targetFromEnv, type Db } from "./client";
import { EmbeddedDbLockedError } from "./embedded-lock";
import { bookings, calls, locations, messages } from "./schema";
import { DEMO_MEMBERS, DEMO_ORG, DEMO_PASSWORD, seedDemo } from "./seed-demo";
import { seedCallVolume, VOLUME_ORG, VOLUME_OWNER } from "./seed-volume";

const fmt = (n: number) => n.toLocaleString("en-US");
const SEED_ENV = { openphone: "OPENPHONE_WEBHOOK_SECRET", aircall: "AIRCALL_WEBHOOK_TOKEN", generic: "GENERIC_WEBHOOK_SECRET" } as const;

async function summary(db: Db, orgId: string): Promise<string> {
  const [locs] = await db.select({ n: count() }).from(locations).where(eq(locations.orgId, orgId));
  const [callRows] = await db
    .select({ n: count(), missed: sql<number>`count(*) filter (where ${calls.disposition} <> 'answered')`.mapWith(Number) })
    .from(calls)
    .where(eq(calls.orgId, orgId));
  const [texts] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.automated, true)));
  const [replies] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.direction, "inbound")));
  const [booked] = await db
    .select({ n: count(), cents: sql<number>`coalesce(sum(${bookings.valueCents}), 0)`.mapWith(Number) })
    .from(bookings)
    .where(and(eq(bookings.orgId, orgId), inArray(bookings.status, ["booked", "showed"])));
  return [
    `${fmt(locs?.n ?? 0)} locations`,
    `${fmt(callRows?.n ?? 0)} calls (${fmt(callRows?.missed ?? 0)} missed)`,
    `${fmt(texts?.n ?? 0)} text-backs`,
    `${fmt(replies?.n ?? 0)} replies`,
    `${fmt(booked?.n ?? 0)} bookings worth $${fmt(Math.round((booked?.cents ?? 0) / 100))}`,
  ].join(", ");
}

/** `--calls 1000000` (or `--calls=1000000`): also generate the volume spa (db/seed-volume.ts). */
function callsFlag(args: string[]): number | null {
  const at = args.findIndex((a) => a === "--calls" || a.startsWith("--calls="));
  if (at === -1) return null;
  const raw = args[at]?.includes("=") ? args[at]?.split("=")[1] : args[at + 1];
  const calls = Number(raw);
  if (!Number.isInteger(calls) || calls < 1 || calls > 10_000_000) throw new Error(`--calls needs a whole number from 1 to 10,000,000 (got "${raw ?? ""}")`);
  return calls;
}

async function main(): Promise<void> {
  let handle;
  try {
    handle = await openDb(targetFromEnv());
  } catch (error) {
    if (error instanceof EmbeddedDbLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  try {
    const volume = callsFlag(process.argv.slice(2));
    if (volume !== null) {
      console.log(`Generating ${VOLUME_ORG.name}: ${fmt(volume)} calls over two years across three locations…`);
      const result = await seedCallVolume(handle.db, { calls: volume });
      console.log(`Seeded ${VOLUME_ORG.name} with ${fmt(result.calls)} calls in ${result.seconds.toFixed(1)}s (sign in as ${VOLUME_OWNER}, password ${DEMO_PASSWORD})`);
    }
    const started = Date.now();
    const { created, orgId, generatedSecrets } = await seedDemo(handle.db);
    if (created) {
      const users = DEMO_MEMBERS.map((m) => m.email).join(" / ");
      console.log(
        `Seeded ${DEMO_ORG.name}: ${await summary(handle.db, orgId)} in ${((Date.now() - started) / 1000).toFixed(1)}s ` + `(demo users ${users}, password ${DEMO_PASSWORD})`,
      );
    } else {
      console.log(`${DEMO_ORG.name} already present: nothing to do`);
    }
    if (generatedSecrets.length) {
      console.log(
        `Generated ${DEMO_ORG.name}'s own webhook secrets for ${generatedSecrets.join(", ")} (no environment value was set): ` +
          `sign in as ${DEMO_MEMBERS[0].email} and open Settings → Integrations (rotate one there to copy it in full), ` +
          `or set ${generatedSecrets.map((p) => SEED_ENV[p]).join(" / ")} and seed again.`,
      );
    }
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    if (error instanceof Error && error.cause) console.error("Caused by:", error.cause instanceof Error ? error.cause.message : error.cause);
    process.exit(1);
  },
);
