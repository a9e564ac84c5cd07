"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dispatchText } from "@/lib/messaging/outbox";
import { sendReply } from "@/lib/messaging/send-reply";
import { MEMBERS, runAction } from "@/lib/server/action";

const replySchema = z.object({
  conversationId: z.uuid(),
  body: z.string().trim().min(1, "Write a message first.").max(1600, "A text can be at most 1,600 characters."),
});

export type ReplyState = { errors?: { body?: string[] }; message?: string; sentAt?: number };

export async function sendReplyAction(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  const value = { conversationId: formData.get("conversationId"), body: formData.get("body") };
  return runAction(
    {
      access: MEMBERS,
      log: ["inbox", "reply failed"],
      fail: (message): ReplyState => ({ message }),
      unexpected: "The reply could not be saved. Try again.",
      input: { schema: replySchema, value, invalid: ({ fieldErrors }) => ({ errors: { body: fieldErrors.body } }) },
    },
    async ({ member, input }) => {
      const messageId = await sendReply({ orgId: member.orgId, memberId: member.id, memberName: member.name, ...input });
      after(() => dispatchText(messageId));
      revalidatePath(`/inbox/${input.conversationId}`);
      return { sentAt: Date.now() };
    },
  );
}
