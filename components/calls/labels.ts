import type { Call } from "@/db/schema";

export const DISPOSITION_LABELS: Record<Call["disposition"], string> = {
  answered: "Answered",
  missed: "Missed",
  voicemail: "Voicemail",
  abandoned: "Abandoned on hold",
  busy: "Busy",
  failed: "Failed",
};

export const LEAK_LABELS: Record<NonNullable<Call["leakSource"]>, string> = {
  peak_overflow: "Desk busy",
  after_hours: "After hours",
  lunch_gap: "Lunch gap",
  hold_abandon: "Hold abandon",
  other: "Other",
};

export const PROVIDER_LABELS: Record<Call["provider"], string> = {
  twilio: "Twilio",
  openphone: "OpenPhone",
  aircall: "Aircall",
  generic: "Other system",
};

/** 0 → "0 s", 75 → "1 min 15 s", 3600 → "60 min"; unknown → "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || seconds < 0) return "—";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, "0")} s`;
}
