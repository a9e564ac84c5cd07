"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteQuickReply, insertQuickReply, MAX_QUICK_REPLIES, restoreQuickReply } from "@/db/queries/quick-replies";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";

export type QuickReplyState = { errors?: { title?: string[]; body?: string[] }; message?: string; savedAt?: number };
/** A delete or its undo: which reply, so the manager can offer Undo (or say it was restored). */
export type QuickReplyChangeState = { message?: string; done?: { id: string; title: string; at: number } };

const addSchema = z.object({
  title: z.string().trim().min(1, "Give it a short title.").max(60, "Keep the title under 60 characters."),
  body: z.string().trim().min(1, "Write the text to insert.").max(1600, "A text can be at most 1,600 characters."),
});
const deleteSchema = z.object({ quickReplyId: z.uuid() });

/** Owners and coordinators both keep the saved replies. */
const ROLES = ["owner", "coordinator"] as const;

function failure(error: unknown, label: string): { message: string } {
  if (error instanceof AppError) return { message: error.message };
  logError("inbox", error, `${label} failed`);
  return { message: "That did not work. Try again." };
}

export async function addQuickReplyAction(_previous: QuickReplyState, formData: FormData): Promise<QuickReplyState> {
  try {
    const member = await requireMember(ROLES);
    const parsed = addSchema.safeParse({ title: formData.get("title"), body: formData.get("body") });
    if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors };
    const row = await insertQuickReply({ orgId: member.orgId, ...parsed.data });
    if (!row) return { message: `You already have ${MAX_QUICK_REPLIES} quick replies. Delete one first.` };
    revalidatePath("/inbox", "layout");
    return { savedAt: Date.now() };
  } catch (error) {
    return failure(error, "add quick reply");
  }
}

export async function deleteQuickReplyAction(_previous: QuickReplyChangeState, formData: FormData): Promise<QuickReplyChangeState> {
  try {
    const member = await requireMember(ROLES);
    const parsed = deleteSchema.safeParse({ quickReplyId: formData.get("quickReplyId") });
    if (!parsed.success) return { message: "That quick reply no longer exists." };
    const deleted = await deleteQuickReply({ orgId: member.orgId, quickReplyId: parsed.data.quickReplyId });
    if (!deleted) return { message: "That quick reply no longer exists." };
    revalidatePath("/inbox", "layout");
    return { done: { id: parsed.data.quickReplyId, title: deleted.title, at: Date.now() } };
  } catch (error) {
    return failure(error, "delete quick reply");
  }
}

/** Undo: brings a reply deleted a few minutes ago back for the whole team. */
export async function restoreQuickReplyAction(_previous: QuickReplyChangeState, formData: FormData): Promise<QuickReplyChangeState> {
  try {
    const member = await requireMember(ROLES);
    const parsed = deleteSchema.safeParse({ quickReplyId: formData.get("quickReplyId") });
    if (!parsed.success) return { message: "That quick reply can no longer be restored." };
    const restored = await restoreQuickReply({ orgId: member.orgId, quickReplyId: parsed.data.quickReplyId });
    if (!restored.ok) {
      return {
        message: restored.reason === "full" ? `You already have ${MAX_QUICK_REPLIES} quick replies. Delete one first.` : "That quick reply can no longer be restored: the undo time has passed.",
      };
    }
    revalidatePath("/inbox", "layout");
    return { done: { id: parsed.data.quickReplyId, title: restored.title, at: Date.now() } };
  } catch (error) {
    return failure(error, "restore quick reply");
  }
}
