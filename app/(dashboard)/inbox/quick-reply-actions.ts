"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteQuickReply, insertQuickReply, MAX_QUICK_REPLIES, restoreQuickReply } from "@/db/queries/quick-replies";
import { MEMBERS, runAction } from "@/lib/server/action";

export type QuickReplyState = { errors?: { title?: string[]; body?: string[] }; message?: string; savedAt?: number };
/** A delete or its undo: which reply, so the manager can offer Undo (or say it was restored). */
export type QuickReplyChangeState = { message?: string; done?: { id: string; title: string; at: number } };

const addSchema = z.object({
  title: z.string().trim().min(1, "Give it a short title.").max(60, "Keep the title under 60 characters."),
  body: z.string().trim().min(1, "Write the text to insert.").max(1600, "A text can be at most 1,600 characters."),
});
const deleteSchema = z.object({ quickReplyId: z.uuid() });

/** Owners and coordinators both keep the saved replies; a failure is one sentence. */
const spec = (label: string) => ({ access: MEMBERS, log: ["inbox", `${label} failed`] as const });

export async function addQuickReplyAction(_previous: QuickReplyState, formData: FormData): Promise<QuickReplyState> {
  const value = { title: formData.get("title"), body: formData.get("body") };
  return runAction(
    { ...spec("add quick reply"), fail: (message): QuickReplyState => ({ message }), input: { schema: addSchema, value, invalid: ({ fieldErrors }) => ({ errors: fieldErrors }) } },
    async ({ member, input }) => {
      const row = await insertQuickReply({ orgId: member.orgId, ...input });
      if (!row) return { message: `You already have ${MAX_QUICK_REPLIES} quick replies. Delete one first.` };
      revalidatePath("/inbox", "layout");
      return { savedAt: Date.now() };
    },
  );
}

export async function deleteQuickReplyAction(_previous: QuickReplyChangeState, formData: FormData): Promise<QuickReplyChangeState> {
  const value = { quickReplyId: formData.get("quickReplyId") };
  const gone = { message: "That quick reply no longer exists." };
  return runAction(
    { ...spec("delete quick reply"), fail: (message): QuickReplyChangeState => ({ message }), input: { schema: deleteSchema, value, invalid: () => gone } },
    async ({ member, input }) => {
      const deleted = await deleteQuickReply({ orgId: member.orgId, quickReplyId: input.quickReplyId });
      if (!deleted) return gone;
      revalidatePath("/inbox", "layout");
      return { done: { id: input.quickReplyId, title: deleted.title, at: Date.now() } };
    },
  );
}

/** Undo: brings a reply deleted a few minutes ago back for the whole team. */
export async function restoreQuickReplyAction(_previous: QuickReplyChangeState, formData: FormData): Promise<QuickReplyChangeState> {
  const value = { quickReplyId: formData.get("quickReplyId") };
  return runAction(
    {
      ...spec("restore quick reply"),
      fail: (message): QuickReplyChangeState => ({ message }),
      input: { schema: deleteSchema, value, invalid: () => ({ message: "That quick reply can no longer be restored." }) },
    },
    async ({ member, input }) => {
      const restored = await restoreQuickReply({ orgId: member.orgId, quickReplyId: input.quickReplyId });
      if (!restored.ok) {
        return {
          message:
            restored.reason === "full"
              ? `You already have ${MAX_QUICK_REPLIES} quick replies. Delete one first.`
              : "That quick reply can no longer be restored: the undo time has passed.",
        };
      }
      revalidatePath("/inbox", "layout");
      return { done: { id: input.quickReplyId, title: restored.title, at: Date.now() } };
    },
  );
}
