"use client";

import { useActionState, useState } from "react";
import { claimCallbackAction, completeCallbackAction, snoozeCallbackAction, type CallbackActionState } from "@/app/(dashboard)/callbacks/actions";
import { MarkBookedButton } from "@/components/bookings/mark-booked-button";
import { Button } from "@/components/ui/button";
import { SNOOZE_LABELS, SNOOZE_OPTIONS } from "@/lib/callbacks/snooze";

const OUTCOMES = [
  { value: "reached", label: "Reached" },
  { value: "no_answer", label: "No answer" },
  { value: "left_voicemail", label: "Left voicemail" },
] as const;

type Panel = "complete" | "snooze" | null;

/** Claim, complete with an outcome ("Booked…" opens the mark-booked form), snooze. */
export function CallbackActions({ callbackId, conversationId, mine }: { callbackId: string; conversationId: string | null; mine: boolean }) {
  const [panel, setPanel] = useState<Panel>(null);
  const [claimed, claim, claiming] = useActionState<CallbackActionState, FormData>(claimCallbackAction, {});
  const [completed, complete, completing] = useActionState<CallbackActionState, FormData>(completeCallbackAction, {});
  const [snoozed, snooze, snoozing] = useActionState<CallbackActionState, FormData>(snoozeCallbackAction, {});
  const latest = [claimed, completed, snoozed].sort((a, b) => (b.at ?? 0) - (a.at ?? 0))[0];
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const panelId = `callback-${callbackId}-${panel ?? "none"}`;

  return (
    // `contents`: the buttons join the card's action row; the outcome and snooze rows wrap below it.
    <div className="contents">
      {mine ? null : (
        <form action={claim}>
          <input type="hidden" name="callbackId" value={callbackId} />
          <Button type="submit" size="sm" variant="secondary" disabled={claiming}>
            {claiming ? "Claiming…" : "Claim"}
          </Button>
        </form>
      )}
      <Button
        type="button"
        size="sm"
        variant="secondary"
        aria-expanded={panel === "complete"}
        aria-controls={panel === "complete" ? panelId : undefined}
        onClick={() => toggle("complete")}
      >
        Complete…
      </Button>
      <Button type="button" size="sm" variant="ghost" aria-expanded={panel === "snooze"} aria-controls={panel === "snooze" ? panelId : undefined} onClick={() => toggle("snooze")}>
        Snooze…
      </Button>

      {panel === "complete" ? (
        <div id={panelId} role="group" aria-label="Outcome of the call" className="flex w-full flex-wrap items-center gap-2 rounded-md bg-slate-50 p-2">
          <span className="text-xs font-medium text-slate-600">Outcome:</span>
          {conversationId ? <MarkBookedButton conversationId={conversationId} callbackId={callbackId} label="Booked…" size="sm" /> : null}
          <form action={complete} className="contents">
            <input type="hidden" name="callbackId" value={callbackId} />
            {OUTCOMES.map((o) => (
              <Button key={o.value} type="submit" name="outcome" value={o.value} size="sm" variant="secondary" disabled={completing}>
                {o.label}
              </Button>
            ))}
          </form>
        </div>
      ) : null}

      {panel === "snooze" ? (
        <form id={panelId} action={snooze} role="group" aria-label="Snooze until" className="flex w-full flex-wrap items-center gap-2 rounded-md bg-slate-50 p-2">
          <input type="hidden" name="callbackId" value={callbackId} />
          <span className="text-xs font-medium text-slate-600">Snooze:</span>
          {SNOOZE_OPTIONS.map((option) => (
            <Button key={option} type="submit" name="option" value={option} size="sm" variant="secondary" disabled={snoozing}>
              {SNOOZE_LABELS[option]}
            </Button>
          ))}
        </form>
      ) : null}

      {latest?.message ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {latest.message}
        </p>
      ) : latest?.done ? (
        <p role="status" className="sr-only">
          {latest.done}
        </p>
      ) : null}
    </div>
  );
}
