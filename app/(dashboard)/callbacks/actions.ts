"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { SessionMember } from "@/db/queries/members";
import { SNOOZE_OPTIONS } from "@/lib/callbacks/snooze";
import { CALL_OUTCOMES, claimCallback, completeCallback, snoozeCallback } from "@/lib/callbacks/work-callback";
import { MEMBERS, runAction } from "@/lib/server/action";

export type CallbackActionState = { message?: string; done?: string; at?: number };

const idSchema = z.object({ callbackId: z.uuid() });
const completeSchema = idSchema.extend({ outcome: z.enum(CALL_OUTCOMES) });
const snoozeSchema = idSchema.extend({ option: z.enum(SNOOZE_OPTIONS) });

const INVALID: CallbackActionState = { message: "That request was not understood. Refresh the page and try again." };

/** Every action: session and role re-checked, input parsed, the organization passed down to every query; answers what was done. */
function run<S extends z.ZodType>(schema: S, value: unknown, work: (member: SessionMember, input: z.output<S>) => Promise<string>): Promise<CallbackActionState> {
  return runAction(
    {
      access: MEMBERS,
      log: ["callbacks", "action failed"],
      fail: (message): CallbackActionState => ({ message, at: Date.now() }),
      input: { schema, value, invalid: () => INVALID },
    },
    async ({ member, input }) => {
      const done = await work(member, input);
      revalidatePath("/callbacks");
      revalidatePath("/inbox", "layout");
      return { done, at: Date.now() };
    },
  );
}

export async function claimCallbackAction(_previous: CallbackActionState, formData: FormData): Promise<CallbackActionState> {
  return run(idSchema, { callbackId: formData.get("callbackId") }, async (member, { callbackId }) => {
    await claimCallback({ orgId: member.orgId, memberId: member.id, memberName: member.name, callbackId });
    return "Claimed: it is yours.";
  });
}

export async function completeCallbackAction(_previous: CallbackActionState, formData: FormData): Promise<CallbackActionState> {
  return run(completeSchema, { callbackId: formData.get("callbackId"), outcome: formData.get("outcome") }, async (member, input) => {
    await completeCallback({ orgId: member.orgId, memberId: member.id, ...input });
    return "Completed.";
  });
}

export async function snoozeCallbackAction(_previous: CallbackActionState, formData: FormData): Promise<CallbackActionState> {
  return run(snoozeSchema, { callbackId: formData.get("callbackId"), option: formData.get("option") }, async (member, input) => {
    await snoozeCallback({ orgId: member.orgId, memberId: member.id, ...input });
    return "Snoozed.";
  });
}
