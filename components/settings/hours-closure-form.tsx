"use client";

import { useActionState, useState } from "react";
import { saveClosureAction } from "@/app/(dashboard)/settings/locations/actions";
import type { FormState } from "@/lib/settings/form";
import type { ClosureField } from "@/lib/settings/location-schema";
import { InputField } from "./location-fields";
import { FormStatus, SaveButton } from "./org-form-status";

/** Add a holiday (closed all day) or a day with special hours; a second entry for a day replaces it. */
export function HoursClosureForm({ locationId, today }: { locationId: string; today: string }) {
  const [state, formAction, pending] = useActionState<FormState<ClosureField>, FormData>(saveClosureAction, {});
  const errors = state.errors ?? {};
  const [kind, setKind] = useState<"closed" | "special">("closed");
  return (
    <form action={formAction} noValidate className="rounded-lg bg-slate-50 p-4">
      <h3 className="text-sm font-semibold text-slate-900">Add a holiday or special day</h3>
      <input type="hidden" name="locationId" value={locationId} />
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <InputField name="day" id="closure-day" label="Date" type="date" min={today} className="max-w-44" defaultValue={state.values?.day ?? ""} errors={errors.day} />
        <InputField name="name" id="closure-name" label="Name" placeholder="Thanksgiving" maxLength={80} defaultValue={state.values?.name ?? ""} errors={errors.name} />
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-700">That day the location is</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {(["closed", "special"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="h-4 w-4 border-slate-300 text-brand-600" />
              {value === "closed" ? "Closed all day" : "Open with special hours"}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "special" ? (
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <InputField name="opens" id="closure-opens" label="Opens" type="time" className="max-w-36" defaultValue={state.values?.opens ?? "10:00"} errors={errors.opens} />
          <InputField
            name="closes"
            id="closure-closes"
            label="Closes"
            hint="Earlier than opening = the next day."
            type="time"
            className="max-w-36"
            defaultValue={state.values?.closes ?? "14:00"}
            errors={errors.closes}
          />
        </div>
      ) : null}
      <div className="mt-4 flex items-center gap-4">
        <SaveButton pending={pending} label="Add day" pendingLabel="Adding…" />
        <FormStatus state={state} saved="Day saved." />
      </div>
    </form>
  );
}
