"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CALL_OUTCOMES } from "@/lib/callbacks/work-callback";
import { addNote, assign, claim, setStatus } from "@/lib/inbox/conversation-actions";
import type { FlatErrors } from "@/lib/form-errors";
import { cancelScheduledByHand } from "@/lib/messaging/cancel-scheduled";
import { MEMBERS, runAction } from "@/lib/server/action";

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

type Actor = { id: string; orgId: string; name: string };

/** Runs one change for the signed-in member: a refusal becomes the sentence shown next to the form. */
function run<S extends z.ZodType>(
  label: string,
  input: { schema: S; value: unknown; invalid: (errors: FlatErrors) => ConversationActionState },
  work: (actor: Actor, input: z.output<S>) => Promise<void>,
): Promise<ConversationActionState> {
  return runAction({ access: MEMBERS, log: ["inbox", `${label} failed`], fail: (message): ConversationActionState => ({ message }), input }, async ({ member, input }) => {
    await work(member, input);
    revalidatePath("/inbox", "layout");
    return { doneAt: Date.now() };
  });
}

const NO_CONVERSATION = () => ({ message: "This conversation does not exist." });

export async function claimAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const value = { conversationId: formData.get("conversationId") };
  return run("claim", { schema: idSchema, value, invalid: NO_CONVERSATION }, (actor, { conversationId }) => claim(actor, conversationId));
}

export async function assignAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const value = { conversationId: formData.get("conversationId"), assigneeId: formData.get("assigneeId") ?? "" };
  const invalid = ({ fieldErrors }: FlatErrors) => ({ errors: { assigneeId: fieldErrors.assigneeId ?? ["Choose someone on your team."] } });
  return run("assign", { schema: assignSchema, value, invalid }, (actor, { conversationId, assigneeId }) => assign(actor, conversationId, assigneeId));
}

export async function statusAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const value = { conversationId: formData.get("conversationId"), status: formData.get("status"), callbacks: formData.get("callbacks") ?? undefined };
  return run("status", { schema: statusSchema, value, invalid: NO_CONVERSATION }, (actor, { conversationId, status, callbacks }) => {
    const choice = callbacks === undefined ? undefined : callbacks === "keep" ? ({ action: "keep" } as const) : ({ action: "complete", outcome: callbacks } as const);
    return setStatus(actor, conversationId, status, choice);
  });
}

/** Cancels one scheduled text of the member's organization (a follow-up, a delayed text-back). */
export async function cancelScheduledAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const value = { messageId: formData.get("messageId") };
  return run("cancel scheduled text", { schema: cancelSchema, value, invalid: () => ({ message: "This text does not exist." }) }, (actor, { messageId }) =>
    cancelScheduledByHand(actor, messageId),
  );
}

export async function noteAction(_previous: ConversationActionState, formData: FormData): Promise<ConversationActionState> {
  const value = { conversationId: formData.get("conversationId"), body: formData.get("body") };
  return run("note", { schema: noteSchema, value, invalid: ({ fieldErrors }) => ({ errors: { body: fieldErrors.body } }) }, async (actor, { conversationId, body }) => {
    await addNote(actor, conversationId, body);
  });
}
