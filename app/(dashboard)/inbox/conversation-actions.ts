"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { CALL_OUTCOMES } from "@/lib/callbacks/work-callback";
import { addNote, assign, claim, setStatus } from "@/lib/inbox/conversation-actions";
import { logError } from "@/lib/log";
import { cancelScheduledByHand } from "@/lib/messaging/cancel-scheduled";

export type ConversationActionState = { errors?: { body?: string[]; assigneeId?: string[] }; message?: string; doneAt?: number };

const idSchema = z.object({ conversationId: z.uuid() });
const assignSchema = idSchema.extend({
  // The empty choice of the select is "Nobody": unassign.
  assigneeId: z.union([z.literal("").transform(() => null), z.uuid({ message: "Choose someone on your team." })]),
});
const statusSchema = idSchema.extend({
  status: z.enum(["open", "done"]),
  // What "Mark done" does with an open callback (the dialog asks): keep it, or complete it with an outcome.
  callbacks: z.enum(["keep", ...CALL_OUTCOMES]).optional(),
});
const cancelSchema = z.object({ messageId: z.uuid() });
const noteSchema = idSchema.extend({
  body: z.string().trim().min(1, "Write the note first.").max(4000, "A note can be at most 4,000 characters."),
});

/** Runs one change for the signed-in member: an AppError becomes the sentence shown next to the form. */
async function run(label: string, work: (actor: { id: string; orgId: string; name: string }) => Promise<void>): Promise<ConversationActionState> {
  try {
    const member = await requireMember(["owner", "coordinator"]);
    await work(member);
    revalidatePath("/inbox", "layout");
    return { doneAt: Date.now() };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    logError("inbox", error, `${label} failed`);
    return { message: "That did not work. Try again." };
  }
}

export async function claimAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const parsed = idSchema.safeParse({ conversationId: formData.get("conversationId") });
  if (!parsed.success) return { message: "This conversation does not exist." };
  return run("claim", (actor) => claim(actor, parsed.data.conversationId));
}

export async function assignAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const parsed = assignSchema.safeParse({ conversationId: formData.get("conversationId"), assigneeId: formData.get("assigneeId") ?? "" });
  if (!parsed.success) return { errors: { assigneeId: z.flattenError(parsed.error).fieldErrors.assigneeId ?? ["Choose someone on your team."] } };
  return run("assign", (actor) => assign(actor, parsed.data.conversationId, parsed.data.assigneeId));
}

export async function statusAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const parsed = statusSchema.safeParse({ conversationId: formData.get("conversationId"), status: formData.get("status"), callbacks: formData.get("callbacks") ?? undefined });
  if (!parsed.success) return { message: "This conversation does not exist." };
  const { conversationId, status, callbacks } = parsed.data;
  const choice = callbacks === undefined ? undefined : callbacks === "keep" ? ({ action: "keep" } as const) : ({ action: "complete", outcome: callbacks } as const);
  return run("status", (actor) => setStatus(actor, conversationId, status, choice));
}

/** Cancels one scheduled text of the member's organization (a follow-up, a delayed text-back). */
export async function cancelScheduledAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const parsed = cancelSchema.safeParse({ messageId: formData.get("messageId") });
  if (!parsed.success) return { message: "This text does not exist." };
  return run("cancel scheduled text", (actor) => cancelScheduledByHand(actor, parsed.data.messageId));
}

export async function noteAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const parsed = noteSchema.safeParse({ conversationId: formData.get("conversationId"), body: formData.get("body") });
  if (!parsed.success) return { errors: { body: z.flattenError(parsed.error).fieldErrors.body } };
  return run("note", async (actor) => {
    await addNote(actor, parsed.data.conversationId, parsed.data.body);
  });
}
