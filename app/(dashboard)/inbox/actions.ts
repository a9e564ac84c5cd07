"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { dispatchText } from "@/lib/messaging/outbox";
import { sendReply } from "@/lib/messaging/send-reply";
import { logError } from "@/lib/log";

const replySchema = z.object({
  conversationId: z.uuid(),
  body: z.string().trim().min(1, "Write a message first.").max(1600, "A text can be at most 1,600 characters."),
});

export type ReplyState = { errors?: { body?: string[] }; message?: string; sentAt?: number };

export async function sendReplyAction(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  try {
    const member = await requireMember();
    const parsed = replySchema.safeParse({ conversationId: formData.get("conversationId"), body: formData.get("body") });
    if (!parsed.success) return { errors: { body: parsed.error.flatten().fieldErrors.body } };
    const messageId = await sendReply({ orgId: member.orgId, memberId: member.id, memberName: member.name, ...parsed.data });
    after(() => dispatchText(messageId));
    revalidatePath(`/inbox/${parsed.data.conversationId}`);
    return { sentAt: Date.now() };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    logError("inbox", error, "reply failed");
    return { message: "The reply could not be saved. Try again." };
  }
}
