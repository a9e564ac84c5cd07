// Queues a CRM event inside the caller's transaction: the event exists exactly when the change it
// reports was committed. Delivery happens later, from the sweeper (lib/crm/deliver.ts).
import { randomBytes } from "node:crypto";
import type { Executor } from "@/db/client";
import { insertCrmDeliveryIfConfigured } from "@/db/queries/crm";
import { crmPayload, type CrmEvent } from "./events";

/** A Standard Webhooks message id: `msg_` + 128 random bits; stable across retries and replays. */
export function newCrmEventId(): string {
  return `msg_${randomBytes(16).toString("hex")}`;
}

/**
 * Returns the event's id, or null when the organization has no CRM webhook configured (then
 * nothing is stored: there is nobody to deliver to).
 */
export async function enqueueCrmEvent(tx: Executor, input: { orgId: string } & CrmEvent, at: Date = new Date()): Promise<string | null> {
  const payload = crmPayload(withoutOrg(input), at);
  const eventId = newCrmEventId();
  const queued = await insertCrmDeliveryIfConfigured({ orgId: input.orgId, eventId, eventType: payload.type, payload }, tx);
  return queued ? eventId : null;
}

function withoutOrg({ orgId: _orgId, ...event }: { orgId: string } & CrmEvent): CrmEvent {
  return event;
}
