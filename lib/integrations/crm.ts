// The outgoing CRM webhook's settings: where to POST, the whsec_ secret that signs it (shown once),
// and a test event that goes through the same queue, signing and retries as real ones.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCrmEndpoint } from "@/db/queries/crm";
import { setCrmWebhookUrl, setOrgSecret } from "@/db/queries/integrations";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { contactTaggedEvent } from "@/lib/crm/events";
import { newWhsecSecret } from "./secrets";
import { CRM_TEST_PHONE, TEST_CALLER_NAME } from "./test-caller";

export const crmUrlSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "Use at most 2,000 characters.")
    .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), { message: "Enter the full address, starting with https://." })
    .refine((value) => value === "" || URL.canParse(value), { message: "That is not a valid web address." }),
});

export const deliveryIdSchema = z.object({ deliveryId: z.uuid("Unknown delivery.") });

/** An empty URL switches the CRM webhook off: nothing more is queued. */
export async function saveCrmUrl({ orgId, url }: { orgId: string; url: string }): Promise<void> {
  await setCrmWebhookUrl(await getDb(), { orgId, url: url === "" ? null : url });
}

/** Returns the new secret: the only time it is shown. Pending retries are signed with it from now on. */
export async function rotateCrmSecret({ orgId }: { orgId: string }): Promise<string> {
  const secret = newWhsecSecret();
  await setOrgSecret(await getDb(), { orgId, column: "crmWebhookSecret", value: secret });
  return secret;
}

export type CrmTestResult = { ok: boolean; message: string };

export async function sendCrmTestEvent({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<CrmTestResult> {
  const db = await getDb();
  const endpoint = await getCrmEndpoint(db, { orgId });
  if (!endpoint) return { ok: false, message: "Save your CRM's webhook URL first." };
  if (!endpoint.secret) return { ok: false, message: "Generate a signing secret first: your CRM needs it to check each event." };
  // A contact that exists only in this event: nothing is added to the spa's contacts.
  const contact = { id: randomUUID(), phone: CRM_TEST_PHONE, name: TEST_CALLER_NAME, kind: "new_lead" as const };
  const eventId = await enqueueCrmEvent(db, { orgId, ...contactTaggedEvent(contact) }, now);
  if (!eventId) return { ok: false, message: "Save your CRM's webhook URL first." };
  return { ok: true, message: `Queued a contact.tagged event (${eventId}) for ${TEST_CALLER_NAME}. It appears in the log below within a few seconds.` };
}
