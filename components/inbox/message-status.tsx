import type { Message } from "@/db/schema";

const LABEL: Record<Message["status"], string> = {
  pending: "Sending…",
  simulated: "Simulated (no Twilio credentials)",
  accepted: "Queued",
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  undelivered: "Not delivered",
  failed: "Failed",
  received: "Received",
  canceled: "Cancelled",
};

/**
 * "Cancelled: the caller replied." A cancelled text's stored sentence starts with its own
 * "Not sent:" or "Follow-up cancelled:" (lib/intake/policy/send-guard.ts); shown once, not twice.
 */
export function cancelledText(errorMessage: string | null): string {
  if (!errorMessage) return "Cancelled";
  if (/^cancelled\b/i.test(errorMessage)) return errorMessage;
  return `Cancelled: ${errorMessage.replace(/^(not sent|follow-up cancelled):\s*/i, "")}`;
}

export function MessageStatus({ message }: { message: Message }) {
  const problem = message.status === "failed" || message.status === "undelivered" || message.status === "canceled";
  return (
    <span data-testid="message-status" className={problem ? "rounded bg-red-100 px-1 font-medium text-red-800" : undefined}>
      {message.status === "canceled" ? (
        cancelledText(message.errorMessage)
      ) : (
        <>
          {LABEL[message.status]}
          {message.errorCode ? ` · error ${message.errorCode}` : ""}
          {problem && message.errorMessage ? ` · ${message.errorMessage}` : ""}
        </>
      )}
    </span>
  );
}
