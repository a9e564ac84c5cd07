"use client";

import { useActionState, useRef, useState } from "react";
import { submitKeepingValues } from "./submit-keeping-values";
import { saveHoursAction } from "@/app/(dashboard)/settings/locations/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { FormState } from "@/lib/settings/form";
import { MAX_SHIFTS_PER_DAY, parseClock, WEEKDAY_NAMES, type weekRows } from "@/lib/settings/hours";
import { FormStatus, SaveButton } from "./org-form-status";
import { UnsavedNote, useLeaveWarning } from "./unsaved-changes";

type Row = { key: string; opens: string; closes: string };
type Day = { weekday: number; shifts: Row[] };

const timeClass =
  "w-[6.5rem] rounded-md border border-slate-300 px-2 py-1.5 max-sm:[&::-webkit-calendar-picker-indicator]:hidden sm:w-[7.75rem] text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-[invalid=true]:border-red-400";

function isNextDay(shift: Row): boolean {
  const opens = parseClock(shift.opens);
  const closes = parseClock(shift.closes);
  return opens !== null && closes !== null && closes <= opens;
}

type Week = ReturnType<typeof weekRows>;

const payloadOf = (days: { weekday: number; shifts: { opens: string; closes: string }[] }[]) =>
  JSON.stringify(days.flatMap((day) => day.shifts.map(({ opens, closes }) => ({ weekday: day.weekday, opens, closes }))));

/**
 * The weekly hours: several shifts a day; a closing time before the opening one means the next day.
 * Edits live here until "Save hours": saving another form on the page leaves them as they are (and
 * says they are unsaved); a save of the hours remounts the editor from what was stored.
 */
export function HoursEditor({ locationId, initial }: { locationId: string; initial: Week }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveHoursAction, {});
  const savedKey = `${state.savedAt ?? 0}:${payloadOf(initial)}`;
  return <HoursForm key={savedKey} locationId={locationId} initial={initial} state={state} formAction={formAction} pending={pending} />;
}

function HoursForm({
  locationId,
  initial,
  state,
  formAction,
  pending,
}: {
  locationId: string;
  initial: Week;
  state: FormState;
  formAction: (data: FormData) => void;
  pending: boolean;
}) {
  const added = useRef(0);
  const [days, setDays] = useState<Day[]>(() =>
    initial.map((day) => ({ weekday: day.weekday, shifts: day.shifts.map((shift, i) => ({ key: `saved-${day.weekday}-${i}`, ...shift })) })),
  );

  const update = (weekday: number, change: (shifts: Row[]) => Row[]) =>
    setDays((current) => current.map((day) => (day.weekday === weekday ? { ...day, shifts: change(day.shifts) } : day)));
  const addShift = (weekday: number) => {
    const key = `added-${(added.current += 1)}`;
    update(weekday, (shifts) => [...shifts, shifts.length ? { key, opens: shifts.at(-1)?.closes ?? "", closes: "" } : { key, opens: "09:00", closes: "17:00" }]);
  };

  const payload = payloadOf(days);
  const dirty = payload !== payloadOf(initial);
  useLeaveWarning(dirty, "weekly hours");
  // No hours at all is "not set up", never "closed": the location texts nobody until they are set.
  const notSetUp = initial.every((day) => day.shifts.length === 0);

  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate>
      {notSetUp ? (
        <p data-testid="hours-not-set-up" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          <span className="font-semibold">Hours not set up.</span> Automatic texts are held until you save this location&apos;s opening hours: calls are recorded and each one opens
          a callback.
        </p>
      ) : null}
      <input type="hidden" name="locationId" value={locationId} />
      <input type="hidden" name="shifts" value={payload} />
      <ul aria-label="Weekly hours" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {days.map(({ weekday, shifts }) => {
          const name = WEEKDAY_NAMES[weekday] ?? "";
          const errorId = `weekday-${weekday}-error`;
          const errors = state.errors?.[`weekday-${weekday}`];
          return (
            <li key={weekday} role="group" aria-labelledby={`weekday-${weekday}-name`} className="grid gap-2 px-3 py-3 sm:grid-cols-[7rem_minmax(0,1fr)] sm:px-4">
              <p id={`weekday-${weekday}-name`} className="pt-1.5 text-sm font-medium text-slate-900">
                {name}
              </p>
              <div className="space-y-2">
                {shifts.length === 0 ? <p className="pt-1.5 text-sm text-slate-500">{notSetUp ? "Not set" : "Closed"}</p> : null}
                {shifts.map((shift, index) => {
                  const label = `${name} shift ${index + 1}`;
                  const set = (field: "opens" | "closes", value: string) =>
                    update(weekday, (rows) => rows.map((row) => (row.key === shift.key ? { ...row, [field]: value } : row)));
                  return (
                    <div key={shift.key} className="flex flex-wrap items-center gap-1.5 sm:gap-2">
                      <label htmlFor={`hours-${shift.key}-opens`} className="sr-only">
                        {label} opens
                      </label>
                      <input
                        id={`hours-${shift.key}-opens`}
                        type="time"
                        value={shift.opens}
                        onChange={(e) => set("opens", e.target.value)}
                        aria-invalid={Boolean(errors)}
                        aria-describedby={errors ? errorId : undefined}
                        className={timeClass}
                      />
                      <span className="text-sm text-slate-500">to</span>
                      <label htmlFor={`hours-${shift.key}-closes`} className="sr-only">
                        {label} closes
                      </label>
                      <input
                        id={`hours-${shift.key}-closes`}
                        type="time"
                        value={shift.closes}
                        onChange={(e) => set("closes", e.target.value)}
                        aria-invalid={Boolean(errors)}
                        aria-describedby={errors ? errorId : undefined}
                        className={timeClass}
                      />
                      {isNextDay(shift) ? <Badge tone="violet">next day</Badge> : null}
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove ${label}`}
                        title="Remove this shift"
                        onClick={() => update(weekday, (rows) => rows.filter((row) => row.key !== shift.key))}
                      >
                        <span aria-hidden="true" className="text-base leading-none">
                          ×
                        </span>
                      </Button>
                    </div>
                  );
                })}
                {shifts.length < MAX_SHIFTS_PER_DAY ? (
                  <Button type="button" variant="secondary" size="sm" aria-label={`Add a shift on ${name}`} onClick={() => addShift(weekday)}>
                    + Add shift
                  </Button>
                ) : null}
                <FieldError id={errorId} messages={errors} />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-slate-500">
        A closing time earlier than the opening time closes the next day, e.g. 6:00 PM to 2:00 AM. 12:00 AM to 12:00 AM is open all day.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <SaveButton pending={pending} label="Save hours" />
        <FormStatus state={state} saved="Hours saved." />
        <UnsavedNote show={dirty && !pending} what="weekly hours" />
      </div>
    </form>
  );
}
