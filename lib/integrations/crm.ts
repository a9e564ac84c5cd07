// The outgoing CRM webhook's settings: where to POST, the whsec_ secret that signs it (shown once),
// and a test event that goes through the same queue, signing and retries as real ones.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db/client";
import { closeCrmCircuit, getCrmEndpoint } from "@/db/queries/crm";
import { setCrmWebhookUrl, setOrgSecret } from "@/db/queries/integrations";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { contactTaggedEvent } from "@/lib/crm/events";
import { resolvePublicHost, type Resolver } from "@/lib/crm/safe-post";
import { checkCrmUrlShape, crmNetworkPolicy, isUnsafeUrlProblem, URL_PROBLEM_TEXT, type UrlProblem } from "@/lib/crm/url-policy";
import { recordRefusal } from "@/lib/security/refusal";
import { newWhsecSecret } from "./secrets";
import { CRM_TEST_PHONE, TEST_CALLER_NAME } from "./test-caller";

export const crmUrlSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "Use at most 2,000 characters.")
    .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), { message: "Enter the full address, starting with https://.", abort: true })
    .refine((value) => value === "" || URL.canParse(value), { message: "That is not a valid web address.", abort: true })
    .superRefine((value, ctx) => {
      if (value === "") return;
      const check = checkCrmUrlShape(value, crmNetworkPolicy());
      if (!check.ok) ctx.addIssue({ code: "custom", message: URL_PROBLEM_TEXT[check.problem] });
    }),
});

/**
 * What is wrong with a CRM URL now: its shape, then every address its name resolves to (delivery
 * checks again at each connection, because DNS can change). An address inside a network is an attack
 * on the platform and is logged for the organization (`where`). `unresolved`: the name does not
 * resolve right now (a typo, or DNS not set up yet), which is not a refusal.
 */
async function checkCrmUrl({
  orgId,
  url,
  where,
  resolve,
}: {
  orgId: string;
  url: string;
  where: "settings" | "test_event";
  resolve?: Resolver;
}): Promise<{ problem: UrlProblem | null; unresolved: boolean }> {
  const policy = crmNetworkPolicy();
  const shape = checkCrmUrlShape(url.trim(), policy);
  const host = shape.ok ? await resolvePublicHost(shape.url.hostname, policy, resolve) : null;
  const problem: UrlProblem | null = !shape.ok ? shape.problem : host && !host.ok && host.problem === "unsafe_address" ? "unsafe_address" : null;
  if (problem && isUnsafeUrlProblem(problem)) await recordRefusal({ orgId, reason: "unsafe_crm_url", detail: { where } });
  return { problem, unresolved: !problem && host !== null && !host.ok };
}

/** A URL the form refused: logged for the organization when it pointed inside a network. */
export async function noteRefusedCrmUrl({ orgId, url }: { orgId: string; url: string }): Promise<void> {
  const shape = checkCrmUrlShape(url.trim(), crmNetworkPolicy());
  if (!shape.ok && isUnsafeUrlProblem(shape.problem)) await recordRefusal({ orgId, reason: "unsafe_crm_url", detail: { where: "settings" } });
}

type SaveCrmUrlResult = { ok: true; message: string } | { ok: false; error: string };

export const deliveryIdSchema = z.object({ deliveryId: z.uuid("Unknown delivery.") });

/**
 * An empty URL switches the CRM webhook off: nothing more is queued. Otherwise the address must be
 * on the public internet now (every address its name resolves to); delivery checks again at every
 * connection, because DNS can change. Saving closes the circuit breaker: the owner fixed something.
 */
export async function saveCrmUrl({ orgId, url, resolve }: { orgId: string; url: string; resolve?: Resolver }): Promise<SaveCrmUrlResult> {
  let warning = "";
  if (url !== "") {
    const { problem, unresolved } = await checkCrmUrl({ orgId, url, where: "settings", resolve });
    if (problem) return { ok: false, error: URL_PROBLEM_TEXT[problem] };
    if (unresolved) warning = " We could not find this host right now: check the address for typos.";
  }
  await setCrmWebhookUrl({ orgId, url: url === "" ? null : url });
  await closeCrmCircuit({ orgId });
  return { ok: true, message: url ? `Saved. New events are sent to this address.${warning}` : "CRM webhook switched off: no new events are queued." };
}

/** Returns the new secret: the only time it is shown. Pending retries are signed with it from now on. */
export async function rotateCrmSecret({ orgId }: { orgId: string }): Promise<string> {
  const secret = newWhsecSecret();
  await setOrgSecret({ orgId, column: "crmWebhookSecret", value: secret });
  return secret;
}

export type CrmTestResult = { ok: boolean; message: string };

export async function sendCrmTestEvent({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<CrmTestResult> {
  const db = await getDb();
  const endpoint = await getCrmEndpoint({ orgId });
  if (!endpoint) return { ok: false, message: "Save your CRM's webhook URL first." };
  if (!endpoint.secret) return { ok: false, message: "Generate a signing secret first: your CRM needs it to check each event." };
  // Said at once rather than as a failed row in the log; delivery checks again at connect time.
  const { problem } = await checkCrmUrl({ orgId, url: endpoint.url, where: "test_event" });
  if (problem && isUnsafeUrlProblem(problem)) {
    return { ok: false, message: "Nothing was sent: use an https:// address on the public internet, save it, and try again." };
  }
  // A contact that exists only in this event: nothing is added to the spa's contacts.
  const contact = { id: randomUUID(), phone: CRM_TEST_PHONE, name: TEST_CALLER_NAME, kind: "new_lead" as const };
  const eventId = await enqueueCrmEvent(db, { orgId, ...contactTaggedEvent(contact) }, now);
  if (!eventId) return { ok: false, message: "Save your CRM's webhook URL first." };
  return { ok: true, message: `Queued a contact.tagged event (${eventId}) for ${TEST_CALLER_NAME}. It appears in the log below within a few seconds.` };
}
