"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findMessagingServiceHolder, listNumberIds, setMessagingServiceSid } from "@/db/queries/a2p";
import { OWNERS, runAction } from "@/lib/server/action";
import { checkNumberA2p, newCheckRound, type CheckOutcome } from "@/lib/telephony/a2p/check-number";

export type ReadinessState = { ok?: boolean; message?: string; errors?: { sid?: string[] }; at?: number };

/** The pages that show the card. */
function revalidateCard(): void {
  for (const path of ["/texting", "/settings/integrations", "/getting-started"]) revalidatePath(path);
}

async function checkAll(orgId: string): Promise<CheckOutcome[]> {
  const round = newCheckRound();
  const outcomes: CheckOutcome[] = [];
  const now = new Date();
  // One after another: a spa has a handful of numbers, and the round asks each provider once.
  for (const numberId of await listNumberIds({ orgId })) {
    const outcome = await checkNumberA2p({ orgId, numberId, now, round });
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

function summary(outcomes: CheckOutcome[]): string {
  if (outcomes.length === 0) return "No numbers to check yet.";
  const resumed = outcomes.filter((o) => o.resumed).map((o) => o.e164);
  const verified = outcomes.filter((o) => o.status === "verified").length;
  const base = `Checked ${outcomes.length === 1 ? "1 number" : `${outcomes.length} numbers`}: ${verified} verified.`;
  return resumed.length ? `${base} Automatic texts resumed from ${resumed.join(", ")}.` : base;
}

/** "Check again": asks each provider now, for every number of the organization. */
export async function checkAgainAction(_previous: ReadinessState): Promise<ReadinessState> {
  return runAction(
    { access: OWNERS, log: ["texting readiness", "check failed"], fail: (message): ReadinessState => ({ ok: false, message, at: Date.now() }) },
    async ({ member }) => {
      const outcomes = await checkAll(member.orgId);
      revalidateCard();
      return { ok: true, message: summary(outcomes), at: Date.now() };
    },
  );
}

const sidSchema = z.object({
  sid: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .pipe(
      z
        .string()
        .regex(/^MG[0-9a-fA-F]{32}$/, "A Messaging Service SID is MG followed by 32 letters and digits (Twilio console → Messaging → Services).")
        .nullable(),
    ),
});

/** Saves (or clears) the Twilio Messaging Service whose A2P campaign covers the organization's numbers, then checks them. */
export async function saveMessagingServiceAction(_previous: ReadinessState, formData: FormData): Promise<ReadinessState> {
  return runAction(
    {
      access: OWNERS,
      log: ["texting readiness", "saving the Messaging Service failed"],
      fail: (message): ReadinessState => ({ ok: false, message, at: Date.now() }),
      input: { schema: sidSchema, value: { sid: formData.get("sid") ?? "" }, invalid: (errors) => ({ ok: false, errors: { sid: errors.fieldErrors.sid }, at: Date.now() }) },
    },
    async ({ member, input: { sid } }) => {
      // Every organization's services live on the platform's one Twilio account: one spa must not
      // read another's campaign by typing its SID.
      if (sid && (await findMessagingServiceHolder({ sid, exceptOrgId: member.orgId }))) {
        return { ok: false, errors: { sid: ["This Messaging Service is already connected to another organization."] }, at: Date.now() };
      }
      await setMessagingServiceSid({ orgId: member.orgId, sid });
      const outcomes = await checkAll(member.orgId);
      revalidateCard();
      return { ok: true, message: sid ? `Messaging Service saved. ${summary(outcomes)}` : "Messaging Service removed.", at: Date.now() };
    },
  );
}
