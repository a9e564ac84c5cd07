// Every outbound text, automatic or typed by a coordinator, goes through here: a message row and
// an outbox entry in the caller's transaction. The send happens after commit.
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { insertMessages, type NewMessage } from "@/db/queries/messages";
import { enqueueTexts } from "@/db/queries/outbox";
import { allSteps } from "@/lib/all-steps";

/** `id`: a message id chosen beforehand (a new one otherwise). */
export type QueuedText = Omit<NewMessage, "id" | "direction" | "status"> & { id?: string; orgId: string; notBefore: Date };

/**
 * Queues texts in two statements however many there are (messages, then their outbox entries),
 * issued together: the message ids are chosen here, so neither waits for the other's answer.
 * Returns the message ids in the order given.
 */
export async function queueTexts(tx: Executor, texts: QueuedText[]): Promise<string[]> {
  const queued = texts.map(({ id, notBefore, ...message }) => ({ id: id ?? randomUUID(), notBefore, message }));
  await allSteps([
    insertMessages(
      queued.map(({ id, message }) => ({ ...message, id, direction: "outbound" as const, status: "pending" as const })),
      tx,
    ),
    enqueueTexts(
      queued.map(({ id, notBefore, message }) => ({ orgId: message.orgId, messageId: id, notBefore })),
      tx,
    ),
  ]);
  return queued.map(({ id }) => id);
}

export async function queueText(tx: Executor, message: Omit<NewMessage, "id" | "direction" | "status"> & { orgId: string }, notBefore: Date = new Date()): Promise<string> {
  const [messageId] = await queueTexts(tx, [{ ...message, notBefore }]);
  if (!messageId) throw new Error("queueTexts returned no id");
  return messageId;
}
