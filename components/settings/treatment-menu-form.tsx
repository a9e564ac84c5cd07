"use client";

import { useActionState, useRef, useState } from "react";
import { submitKeepingValues } from "./submit-keeping-values";
import { saveTreatmentsAction } from "@/app/(dashboard)/settings/treatments/actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/field";
import { MAX_MENU_LINES } from "@/lib/bookings/treatments";
import type { FormState } from "@/lib/settings/form";
import { FormStatus, SaveButton } from "./org-form-status";
import { UnsavedNote, useLeaveWarning } from "./unsaved-changes";

type Line = { key: string; name: string; value: string };
type Initial = { name: string; value: string }[];

const plain = (lines: { name: string; value: string }[]) => JSON.stringify(lines.map(({ name, value }) => ({ name, value })));

/** The treatment menu: one line per treatment (name, usual value), one Save for the whole menu. */
export function TreatmentMenuForm({ initial }: { initial: Initial }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveTreatmentsAction, {});
  // A save remounts the lines from what was stored (order, trimmed names, values as cents).
  return <MenuLines key={`${state.savedAt ?? 0}:${plain(initial)}`} initial={initial} state={state} formAction={formAction} pending={pending} />;
}

function MenuLines({ initial, state, formAction, pending }: { initial: Initial; state: FormState; formAction: (data: FormData) => void; pending: boolean }) {
  const added = useRef(0);
  const [lines, setLines] = useState<Line[]>(() => initial.map((line, i) => ({ key: `saved-${i}`, ...line })));
  const dirty = plain(lines) !== plain(initial);
  useLeaveWarning(dirty, "treatment menu");
  const set = (key: string, field: "name" | "value", value: string) => setLines((current) => current.map((line) => (line.key === key ? { ...line, [field]: value } : line)));

  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate>
      <input type="hidden" name="menu" value={plain(lines)} />
      <div className="hidden grid-cols-[minmax(0,1fr)_9rem_2.5rem] gap-2 px-1 pb-1 text-xs font-medium text-slate-600 sm:grid">
        <span>Treatment</span>
        <span>Usual value</span>
      </div>
      <ul aria-label="Treatments" className="space-y-2">
        {lines.map((line, index) => {
          const nameErrors = state.errors?.[`line-${index}-name`];
          const valueErrors = state.errors?.[`line-${index}-value`];
          const label = line.name || `Line ${index + 1}`;
          return (
            <li key={line.key} className="grid grid-cols-[minmax(0,1fr)_7.5rem_2.5rem] items-start gap-2 sm:grid-cols-[minmax(0,1fr)_9rem_2.5rem]">
              <div>
                <label htmlFor={`treatment-${line.key}-name`} className="sr-only">
                  Treatment {index + 1}
                </label>
                <input
                  id={`treatment-${line.key}-name`}
                  value={line.name}
                  maxLength={80}
                  onChange={(event) => set(line.key, "name", event.target.value)}
                  aria-invalid={Boolean(nameErrors)}
                  aria-describedby={nameErrors ? `treatment-${line.key}-name-error` : undefined}
                  className={inputClass}
                />
                <FieldError id={`treatment-${line.key}-name-error`} messages={nameErrors} />
              </div>
              <div>
                <label htmlFor={`treatment-${line.key}-value`} className="sr-only">
                  Usual value of {label}, in dollars
                </label>
                <div className="relative">
                  <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-500">
                    $
                  </span>
                  <input
                    id={`treatment-${line.key}-value`}
                    value={line.value}
                    inputMode="decimal"
                    placeholder="none"
                    onChange={(event) => set(line.key, "value", event.target.value)}
                    aria-invalid={Boolean(valueErrors)}
                    aria-describedby={valueErrors ? `treatment-${line.key}-value-error` : undefined}
                    className={`${inputClass} pl-7`}
                  />
                </div>
                <FieldError id={`treatment-${line.key}-value-error`} messages={valueErrors} />
              </div>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="mt-1"
                aria-label={`Remove ${label}`}
                title="Remove"
                onClick={() => setLines((current) => current.filter((l) => l.key !== line.key))}
              >
                <span aria-hidden="true" className="text-base leading-none">
                  ×
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      {lines.length < MAX_MENU_LINES ? (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() => setLines((current) => [...current, { key: `added-${(added.current += 1)}`, name: "", value: "" }])}
        >
          + Add treatment
        </Button>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">Leave a value empty when it varies too much to suggest: the desk then types it for each booking.</p>
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-200 pt-4">
        <SaveButton pending={pending} label="Save menu" />
        <FormStatus state={state} saved="Menu saved." />
        <UnsavedNote show={dirty && !pending} what="treatment menu" />
      </div>
    </form>
  );
}
