// Every outbound text, automatic or typed by a coordinator, goes through here: a message row and
// an outbox entry in the caller's transaction. The send happens after commit.
import type { Executor } from "@/db/client";
import { insertMessage, type NewMessage } from "@/db/queries/messages";
import { enqueueText } from "@/db/queries/outbox";

export async function queueText(
  tx: Executor,
  message: Omit<NewMessage, "direction" | "status">,
  notBefore: Date = new Date(),
): Promise<string> {
  const row = await insertMessage(tx, { ...message, direction: "outbound", status: "pending" });
  await enqueueText(tx, { orgId: row.orgId, messageId: row.id, notBefore });
  return row.id;
}
