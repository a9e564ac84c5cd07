import type { Call } from "@/db/schema";
import { callLength } from "@/lib/calls/call-length";
import { formatDateTime } from "@/lib/format";
import { formatDuration, playableRecordingUrl } from "@/lib/inbox/recording";

const DISPOSITION: Record<Call["disposition"], string> = {
  answered: "Answered call",
  missed: "Missed call",
  voicemail: "Missed call · voicemail",
  abandoned: "Abandoned on hold",
  busy: "Missed call · line busy",
  failed: "Call failed",
};
const LEAK: Record<NonNullable<Call["leakSource"]>, string> = {
  peak_overflow: "desk busy",
  after_hours: "after hours",
  lunch_gap: "lunch gap",
  hold_abandon: "hold abandon",
  other: "other",
};

export function TimelineCall({ call, timezone }: { call: Call; timezone: string }) {
  const missed = call.disposition !== "answered";
  const tone = missed ? "border-amber-200 bg-amber-50 text-amber-900" : "border-slate-200 bg-white text-slate-700";
  const length = callLength(call);
  const duration = formatDuration(length.call);
  const recording = playableRecordingUrl(call.voicemailUrl);
  const voicemailLength = formatDuration(length.voicemail);
  return (
    <div className={`flex max-w-md items-start gap-3 rounded-lg border px-3 py-2 text-sm ${tone}`} data-testid="timeline-call">
      <span aria-hidden className="mt-0.5">
        ☎
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {DISPOSITION[call.disposition]}
          {call.leakSource ? <span className="font-normal"> · {LEAK[call.leakSource]}</span> : null}
        </p>
        <p className="text-xs opacity-80">
          <time dateTime={call.startedAt.toISOString()}>{formatDateTime(call.startedAt, timezone)}</time>
          {duration ? <span> · {length.onHold ? `waited ${duration} on hold` : `lasted ${duration}`}</span> : null}
          {voicemailLength ? <span> · voicemail {voicemailLength}</span> : null}
        </p>
        {recording ? (
          <div className="mt-2 space-y-1">
            <audio controls preload="none" src={recording} className="h-9 w-full max-w-xs" aria-label={`Voicemail${voicemailLength ? `, ${voicemailLength}` : ""}`}>
              <a href={recording}>Listen to the voicemail</a>
            </audio>
            <a href={recording} download target="_blank" rel="noreferrer noopener" className="text-xs font-medium text-violet-800 underline">
              Download voicemail{voicemailLength ? ` (${voicemailLength})` : ""}
            </a>
          </div>
        ) : null}
        {call.transcript ? (
          <blockquote className="mt-2 border-l-2 border-violet-300 pl-2 text-xs text-slate-700" data-testid="voicemail-transcript">
            <span className="font-medium">Transcript: </span>
            <span className="break-words whitespace-pre-wrap">“{call.transcript}”</span>
          </blockquote>
        ) : null}
      </div>
    </div>
  );
}
