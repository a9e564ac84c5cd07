"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { SNOOZE_OPTIONS } from "@/lib/callbacks/snooze";
import { CALL_OUTCOMES, claimCallback, completeCallback, snoozeCallback } from "@/lib/callbacks/work-callback";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";

export type CallbackActionState = { message?: string; done?: string; at?: number };

const idSchema = z.object({ callbackId: z.uuid() });
const completeSchema = idSchema.extend({ outcome: z.enum(CALL_OUTCOMES) });
const snoozeSchema = idSchema.extend({ option: z.enum(SNOOZE_OPTIONS) });

const INVALID = "That request was not understood. Refresh the page and try again.";

/** Every action: session and role re-checked, input parsed, the organization passed down to every query. */
async function run(work: (member: { orgId: string; id: string; name: string }) => Promise<string>): Promise<CallbackActionState> {
  try {
    const member = await requireMember(["owner", "coordinator"]);
    const done = await work(member);
    revalidatePath("/callbacks");
    revalidatePath("/inbox", "layout");
    return { done, at: Date.now() };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, at: Date.now() };
    logError("callbacks", error, "action failed");
    return { message: "That did not work. Try again.", at: Date.now() };
  }
}

export async function claimCallbackAction(_previous: CallbackActionState, formData: FormData): Promise<CallbackActionState> {
  const parsed = idSchema.safeParse({ callbackId: formData.get("callbackId") });
  if (!parsed.success) return { message: INVALID };
  return run(async (member) => {
    await claimCallback({ orgId: member.orgId, memberId: member.id, memberName: member.name, callbackId: parsed.data.callbackId });
    return "Claimed: it is yours.";
  });
}

export async function completeCallbackAction(_previous: CallbackActionState, formData: FormData): Promise<CallbackActionState> {
  const parsed = completeSchema.safeParse({ callbackId: formData.get("callbackId"), outcome: formData.get("outcome") });
  if (!parsed.success) return { message: INVALID };
  return run(async (member) => {
    await completeCallback({ orgId: member.orgId, memberId: member.id, ...parsed.data });
    return "Completed.";
  });
}

export async function snoozeCallbackAction(_previous: CallbackActionState, formData: FormData): Promise<CallbackActionState> {
  const parsed = snoozeSchema.safeParse({ callbackId: formData.get("callbackId"), option: formData.get("option") });
  if (!parsed.success) return { message: INVALID };
  return run(async (member) => {
    await snoozeCallback({ orgId: member.orgId, memberId: member.id, ...parsed.data });
    return "Snoozed.";
  });
}
