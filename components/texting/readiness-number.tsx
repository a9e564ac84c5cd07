// One sending number on the texting-readiness card: its overall state and what it means, "paused
// since …" when a carrier refused its texts, and each registration step with the provider's error
// text. Every provider string is rendered as React text (escaped), never as HTML.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReadinessRow } from "@/db/queries/a2p";
import type { A2pStatus } from "@/db/schema";
import { PROVIDER_LABELS } from "@/lib/settings/providers";
import { checkedText, meaningText, pausedText, STATUS_TEXT, STEP_TEXT, storedSteps } from "@/lib/telephony/a2p/card-text";
import type { StepStatus } from "@/lib/telephony/a2p/readiness";

const STATUS_TONE: Record<A2pStatus, BadgeTone> = { verified: "emerald", pending: "amber", failed: "red", suspended: "red", unknown: "slate", not_applicable: "sky" };
const STEP_TONE: Record<StepStatus, BadgeTone> = {
  verified: "emerald",
  pending: "amber",
  failed: "red",
  suspended: "red",
  missing: "red",
  unknown: "slate",
  not_applicable: "sky",
};

export function ReadinessNumber({ row }: { row: ReadinessRow }) {
  const status = STATUS_TEXT[row.a2pStatus];
  const steps = storedSteps(row.a2pDetail);
  const id = `readiness-${row.id}`;
  return (
    <li
      aria-labelledby={id}
      data-testid="readiness-number"
      data-status={row.a2pStatus}
      data-paused={row.sendingPausedAt ? "true" : "false"}
      className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={id} className="font-medium text-slate-900 tabular-nums">
            {row.e164} <span className="font-normal text-slate-600">· {row.label}</span>
          </h3>
          <p className="text-xs text-slate-500">
            {row.locationName} · {PROVIDER_LABELS[row.provider]}
          </p>
        </div>
        <Badge tone={STATUS_TONE[row.a2pStatus]}>
          <span className="sr-only">Registration: </span>
          {status.label}
        </Badge>
      </div>
      <p className="mt-2 text-sm text-slate-700">{meaningText({ status: row.a2pStatus, checkedAt: row.a2pCheckedAt })}</p>
      {row.sendingPausedAt ? (
        <p data-testid="readiness-paused" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
          {pausedText({ at: row.sendingPausedAt, reason: row.sendingPausedReason, timezone: row.timezone })}
        </p>
      ) : null}
      {steps.length ? (
        <ol aria-label={`Registration steps for ${row.e164}`} className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-100">
          {steps.map((step) => (
            <li key={step.step} data-testid="readiness-step" className="px-3 py-2 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium text-slate-800">{step.step}</span>
                <Badge tone={STEP_TONE[step.status]}>{STEP_TEXT[step.status].label}</Badge>
              </div>
              {step.errors.length ? (
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-red-800">
                  {step.errors.map((error, i) => (
                    <li key={i} className="break-words">
                      {error}
                    </li>
                  ))}
                </ul>
              ) : null}
              {step.note ? <p className="mt-1 text-slate-600">{step.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="mt-2 text-xs text-slate-500">{checkedText({ at: row.a2pCheckedAt, timezone: row.timezone })}</p>
    </li>
  );
}
