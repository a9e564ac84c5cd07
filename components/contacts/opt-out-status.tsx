import { formatDateTime } from "@/lib/format";

/** Consent is the contact's alone: shown here, never editable. */
export function OptOutStatus({ optedOutAt, timezone }: { optedOutAt: Date | null; timezone: string }) {
  if (optedOutAt) {
    return (
      <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200 ring-inset" data-testid="opt-out-status">
        <p className="font-medium">
          Opted out on <time dateTime={optedOutAt.toISOString()}>{formatDateTime(optedOutAt, timezone)}</time> by replying STOP.
        </p>
        <p className="mt-1">Rebound sends them nothing. Nobody here can opt them back in: only they can, by texting START to your number.</p>
      </div>
    );
  }
  return (
    <p className="text-sm text-slate-700" data-testid="opt-out-status">
      Can receive texts. If they reply STOP, texting stops until they text START; a coordinator cannot opt anyone back in.
    </p>
  );
}
