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
  canceled: "Not sent",
};

export function MessageStatus({ message }: { message: Message }) {
  const problem = message.status === "failed" || message.status === "undelivered" || message.status === "canceled";
  return (
    <span data-testid="message-status" className={problem ? "rounded bg-red-100 px-1 font-medium text-red-800" : undefined}>
      {LABEL[message.status]}
      {message.errorCode ? ` · error ${message.errorCode}` : ""}
      {problem && message.errorMessage ? ` · ${message.errorMessage}` : ""}
    </span>
  );
}
