"use server";

import { revalidatePath } from "next/cache";
import { replayCrmDelivery } from "@/lib/crm/deliver";
import { crmUrlSchema, deliveryIdSchema, noteRefusedCrmUrl, rotateCrmSecret, saveCrmUrl, sendCrmTestEvent } from "@/lib/integrations/crm";
import { OWNERS, runAction } from "@/lib/server/action";

export type CrmState = { ok?: boolean; message?: string; errors?: { url?: string[] }; revealed?: string; url?: string; at?: number };

/** An owner's action; a failure is one sentence, logged as `[crm settings] <what> failed`. */
const spec = (what: string) => ({ access: OWNERS, log: ["crm settings", `${what} failed`] as const, fail: (message: string): CrmState => ({ ok: false, message }) });

export async function saveCrmUrlAction(_previous: CrmState, formData: FormData): Promise<CrmState> {
  const raw = String(formData.get("url") ?? "");
  return runAction(
    {
      ...spec("save url"),
      fail: (message): CrmState => ({ ok: false, message, url: raw }),
      input: {
        schema: crmUrlSchema,
        value: { url: raw },
        invalid: async ({ fieldErrors }, member) => {
          await noteRefusedCrmUrl({ orgId: member.orgId, url: raw });
          return { ok: false, errors: { url: fieldErrors.url }, url: raw };
        },
      },
    },
    async ({ member, input }) => {
      const saved = await saveCrmUrl({ orgId: member.orgId, url: input.url });
      if (!saved.ok) return { ok: false, errors: { url: [saved.error] }, url: raw };
      revalidatePath("/settings/crm");
      return { ok: true, message: saved.message, url: input.url, at: Date.now() };
    },
  );
}

export async function rotateCrmSecretAction(_previous: CrmState, _formData: FormData): Promise<CrmState> {
  return runAction(spec("rotate secret"), async ({ member }) => {
    const revealed = await rotateCrmSecret({ orgId: member.orgId });
    revalidatePath("/settings/crm");
    return { ok: true, message: "New signing secret saved. Put it in your CRM now: it is shown only this once.", revealed, at: Date.now() };
  });
}

export async function crmTestAction(_previous: CrmState, _formData: FormData): Promise<CrmState> {
  return runAction(spec("test event"), async ({ member }) => {
    const result = await sendCrmTestEvent({ orgId: member.orgId });
    revalidatePath("/settings/crm");
    return { ...result, at: Date.now() };
  });
}

export async function replayCrmAction(_previous: CrmState, formData: FormData): Promise<CrmState> {
  const value = { deliveryId: formData.get("deliveryId") };
  return runAction(
    { ...spec("replay"), input: { schema: deliveryIdSchema, value, invalid: () => ({ ok: false, message: "Unknown delivery. Reload the page." }) } },
    async ({ member, input }) => {
      const replayed = await replayCrmDelivery({ orgId: member.orgId, deliveryId: input.deliveryId });
      revalidatePath("/settings/crm");
      return replayed
        ? { ok: true, message: "Queued again with the same webhook-id.", at: Date.now() }
        : { ok: false, message: "Only delivered or failed events can be replayed; this one is still being sent.", at: Date.now() };
    },
  );
}
