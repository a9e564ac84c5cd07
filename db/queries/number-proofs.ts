// Reads and writes for proving numbers (lib/telephony/numbers/), beside phone-numbers.ts: the
// numbers whose proof is stale (the sweeper's daily re-check), an organization's numbers on one phone
// system, a failed lookup's note, and the numbers an owner must hear about.
import { and, asc, eq, inArray, isNull, lt, notInArray, or, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { locations, organizations, phoneNumbers, type PhoneNumber } from "../schema";
import type { NumberWithCredentials } from "./phone-numbers";

const credentialColumns = {
  openphoneApiKey: organizations.openphoneApiKey,
  aircallApiId: organizations.aircallApiId,
  aircallApiToken: organizations.aircallApiToken,
  twilioMessagingServiceSid: organizations.twilioMessagingServiceSid,
};

function selectWithCredentials(db: Executor) {
  return db.select({ number: phoneNumbers, credentials: credentialColumns }).from(phoneNumbers).innerJoin(organizations, eq(organizations.id, phoneNumbers.orgId));
}

const withCredentials = (row: { number: PhoneNumber; credentials: NumberWithCredentials["credentials"] }): NumberWithCredentials => ({
  ...row.number,
  credentials: row.credentials,
});

/** The organization's numbers on these phone systems (re-proved when an owner saves their API credentials). */
export async function listOrgNumbersToProve({ orgId, providers }: { orgId: string; providers: PhoneNumber["provider"][] }, ex?: Executor): Promise<NumberWithCredentials[]> {
  const db = await resolveDb(ex);
  const rows = await selectWithCredentials(db)
    .where(and(eq(phoneNumbers.orgId, orgId), inArray(phoneNumbers.provider, providers)))
    .orderBy(asc(phoneNumbers.createdAt))
    .limit(100);
  return rows.map(withCredentials);
}

/**
 * Numbers of every organization (the sweeper's daily re-check) never checked or last checked before
 * `checkedBefore`, oldest first; `skip` leaves out the ones whose lookup just failed.
 */
export async function listStaleNumbers(
  { checkedBefore, limit, skip = [] }: { checkedBefore: Date; limit: number; skip?: string[] },
  ex?: Executor,
): Promise<NumberWithCredentials[]> {
  const db = await resolveDb(ex);
  const stale = or(isNull(phoneNumbers.proofCheckedAt), lt(phoneNumbers.proofCheckedAt, checkedBefore));
  const rows = await selectWithCredentials(db)
    .where(skip.length ? and(stale, notInArray(phoneNumbers.id, skip)) : stale)
    .orderBy(sql`${phoneNumbers.proofCheckedAt} asc nulls first`, asc(phoneNumbers.id))
    .limit(limit);
  return rows.map(withCredentials);
}

/** A lookup failed: only the words change (status, provider id and check time stay what the last answer said). */
export async function noteProofFailure({ id, detail }: { id: string; detail: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.update(phoneNumbers).set({ proofDetail: detail }).where(eq(phoneNumbers.id, id));
}

export type NumberNeedingAttention = Pick<PhoneNumber, "id" | "e164" | "provider" | "proofStatus" | "proofDetail"> & { locationId: string; locationName: string };

/** The organization's numbers that cannot send texts (not on the account, or unable to text): the owner's banner. */
export async function listNumbersNeedingAttention({ orgId }: { orgId: string }, ex?: Executor): Promise<NumberNeedingAttention[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      id: phoneNumbers.id,
      e164: phoneNumbers.e164,
      provider: phoneNumbers.provider,
      proofStatus: phoneNumbers.proofStatus,
      proofDetail: phoneNumbers.proofDetail,
      locationId: locations.id,
      locationName: locations.name,
    })
    .from(phoneNumbers)
    .innerJoin(locations, eq(locations.id, phoneNumbers.locationId))
    .where(and(eq(phoneNumbers.orgId, orgId), inArray(phoneNumbers.proofStatus, ["not_found", "cannot_text"])))
    .orderBy(asc(phoneNumbers.createdAt))
    .limit(20);
}
