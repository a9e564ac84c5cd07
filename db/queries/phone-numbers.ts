// A sending number's state: proven on its provider's account or not, its A2P registration, and
// whether its automatic texts are paused. Every change that matters to the owner is logged.
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { events, organizations, phoneNumbers, type A2pDetail, type A2pStatus, type PhoneNumber, type ProofStatus } from "../schema";

/** A number with what is needed to send from it or prove it: the organization's provider credentials. */
export type NumberWithCredentials = PhoneNumber & {
  credentials: { openphoneApiKey: string | null; aircallApiId: string | null; aircallApiToken: string | null; twilioMessagingServiceSid: string | null };
};

/** The organization's provider credentials as columns, for any read that joins `organizations`. */
export const credentialColumns = {
  openphoneApiKey: organizations.openphoneApiKey,
  aircallApiId: organizations.aircallApiId,
  aircallApiToken: organizations.aircallApiToken,
  twilioMessagingServiceSid: organizations.twilioMessagingServiceSid,
};

/** The organization's number by E.164 (null when it does not hold it), with its credentials. */
export function getSendingNumber({ orgId, e164 }: { orgId: string; e164: string }, ex?: Executor): Promise<NumberWithCredentials | null> {
  return numberOf(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.e164, e164)), ex);
}

/** The organization's number by id (null when it is not theirs), with its credentials. */
export function getNumberById({ orgId, id }: { orgId: string; id: string }, ex?: Executor): Promise<NumberWithCredentials | null> {
  return numberOf(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.id, id)), ex);
}

async function numberOf(where: SQL | undefined, ex?: Executor): Promise<NumberWithCredentials | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ number: phoneNumbers, credentials: credentialColumns })
    .from(phoneNumbers)
    .innerJoin(organizations, eq(organizations.id, phoneNumbers.orgId))
    .where(where);
  return row ? { ...row.number, credentials: row.credentials } : null;
}

/**
 * Stores what the provider's API said about a number. A change of status is logged
 * (`number_proof_changed`, with the old and new status and why) for the owner's timeline.
 * Returns the previous status.
 */
export async function setNumberProof(
  input: { id: string; status: ProofStatus; detail: string | null; providerNumberId?: string | null; twilioOrigin?: string | null; at: Date },
  ex?: Executor,
): Promise<ProofStatus | null> {
  const db = await resolveDb(ex);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: phoneNumbers.proofStatus, orgId: phoneNumbers.orgId, locationId: phoneNumbers.locationId, e164: phoneNumbers.e164 })
      .from(phoneNumbers)
      .where(eq(phoneNumbers.id, input.id))
      .for("update");
    if (!before) return null;
    await tx
      .update(phoneNumbers)
      .set({
        proofStatus: input.status,
        proofDetail: input.detail,
        proofCheckedAt: input.at,
        ...(input.providerNumberId !== undefined ? { providerNumberId: input.providerNumberId } : {}),
        ...(input.twilioOrigin !== undefined ? { twilioOrigin: input.twilioOrigin } : {}),
      })
      .where(eq(phoneNumbers.id, input.id));
    if (before.status !== input.status) {
      await tx.insert(events).values({
        orgId: before.orgId,
        locationId: before.locationId,
        type: "number_proof_changed",
        reason: input.status,
        detail: { e164: before.e164, from: before.status, to: input.status, why: input.detail },
      });
    }
    return before.status;
  });
}

/** Pauses a number's automatic texts (a carrier refused it as unregistered); logged once, when it starts. */
export async function pauseSendingNumber({ id, reason, at }: { id: string; reason: string; at: Date }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const paused = await db
    .update(phoneNumbers)
    .set({ sendingPausedAt: at, sendingPausedReason: reason })
    .where(and(eq(phoneNumbers.id, id), isNull(phoneNumbers.sendingPausedAt)))
    .returning({ orgId: phoneNumbers.orgId, locationId: phoneNumbers.locationId, e164: phoneNumbers.e164 });
  const [row] = paused;
  if (row) await db.insert(events).values({ orgId: row.orgId, locationId: row.locationId, type: "sending_paused", reason, detail: { e164: row.e164 } });
  return Boolean(row);
}

/** Resumes a paused number's automatic texts; logged when it was paused. */
export async function resumeSendingNumber({ id, at }: { id: string; at: Date }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const resumed = await db
    .update(phoneNumbers)
    .set({ sendingPausedAt: null, sendingPausedReason: null })
    .where(and(eq(phoneNumbers.id, id), sql`${phoneNumbers.sendingPausedAt} is not null`))
    .returning({ orgId: phoneNumbers.orgId, locationId: phoneNumbers.locationId, e164: phoneNumbers.e164 });
  const [row] = resumed;
  if (row) {
    await db.insert(events).values({ orgId: row.orgId, locationId: row.locationId, type: "sending_resumed", detail: { e164: row.e164, at: at.toISOString() } });
  }
  return Boolean(row);
}

/** Stores a number's A2P registration state; a change of status is logged (`a2p_status_changed`). */
export async function setNumberA2p({ id, status, detail, at }: { id: string; status: A2pStatus; detail: A2pDetail | null; at: Date }, ex?: Executor): Promise<A2pStatus | null> {
  const db = await resolveDb(ex);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: phoneNumbers.a2pStatus, orgId: phoneNumbers.orgId, locationId: phoneNumbers.locationId, e164: phoneNumbers.e164 })
      .from(phoneNumbers)
      .where(eq(phoneNumbers.id, id))
      .for("update");
    if (!before) return null;
    await tx.update(phoneNumbers).set({ a2pStatus: status, a2pDetail: detail, a2pCheckedAt: at }).where(eq(phoneNumbers.id, id));
    if (before.status !== status) {
      await tx
        .insert(events)
        .values({ orgId: before.orgId, locationId: before.locationId, type: "a2p_status_changed", reason: status, detail: { e164: before.e164, from: before.status, to: status } });
    }
    return before.status;
  });
}
