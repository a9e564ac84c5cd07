"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import { replayCrmDelivery } from "@/lib/crm/deliver";
import { AppError } from "@/lib/errors";
import { safeErrorSummary } from "@/lib/integrations/safe-error";
import { crmUrlSchema, deliveryIdSchema, noteRefusedCrmUrl, rotateCrmSecret, saveCrmUrl, sendCrmTestEvent } from "@/lib/integrations/crm";

export type CrmState = { ok?: boolean; message?: string; errors?: { url?: string[] }; revealed?: string; url?: string; at?: number };

function failure(error: unknown, what: string): CrmState {
  if (error instanceof AppError) return { ok: false, message: error.message };
  console.error(`[crm settings] ${what} failed: ${safeErrorSummary(error)}`);
  return { ok: false, message: "That did not work. Try again." };
}

export async function saveCrmUrlAction(_previous: CrmState, formData: FormData): Promise<CrmState> {
  const raw = String(formData.get("url") ?? "");
  try {
    const member = await requireMember(["owner"]);
    const parsed = crmUrlSchema.safeParse({ url: raw });
    if (!parsed.success) {
      await noteRefusedCrmUrl({ orgId: member.orgId, url: raw });
      return { ok: false, errors: { url: parsed.error.flatten().fieldErrors.url }, url: raw };
    }
    const saved = await saveCrmUrl({ orgId: member.orgId, url: parsed.data.url });
    if (!saved.ok) return { ok: false, errors: { url: [saved.error] }, url: raw };
    revalidatePath("/settings/crm");
    return { ok: true, message: saved.message, url: parsed.data.url, at: Date.now() };
  } catch (error) {
    return { ...failure(error, "save url"), url: raw };
  }
}

export async function rotateCrmSecretAction(_previous: CrmState, _formData: FormData): Promise<CrmState> {
  try {
    const member = await requireMember(["owner"]);
    const revealed = await rotateCrmSecret({ orgId: member.orgId });
    revalidatePath("/settings/crm");
    return { ok: true, message: "New signing secret saved. Put it in your CRM now: it is shown only this once.", revealed, at: Date.now() };
  } catch (error) {
    return failure(error, "rotate secret");
  }
}

export async function crmTestAction(_previous: CrmState, _formData: FormData): Promise<CrmState> {
  try {
    const member = await requireMember(["owner"]);
    const result = await sendCrmTestEvent({ orgId: member.orgId });
    revalidatePath("/settings/crm");
    return { ...result, at: Date.now() };
  } catch (error) {
    return failure(error, "test event");
  }
}

export async function replayCrmAction(_previous: CrmState, formData: FormData): Promise<CrmState> {
  try {
    const member = await requireMember(["owner"]);
    const parsed = deliveryIdSchema.safeParse({ deliveryId: formData.get("deliveryId") });
    if (!parsed.success) return { ok: false, message: "Unknown delivery. Reload the page." };
    const replayed = await replayCrmDelivery({ orgId: member.orgId, deliveryId: parsed.data.deliveryId });
    revalidatePath("/settings/crm");
    return replayed
      ? { ok: true, message: "Queued again with the same webhook-id.", at: Date.now() }
      : { ok: false, message: "Only delivered or failed events can be replayed; this one is still being sent.", at: Date.now() };
  } catch (error) {
    return failure(error, "replay");
  }
}
