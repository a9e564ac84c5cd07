"use client";

import { useActionState } from "react";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/settings/form";
import type { OrganizationField, OrganizationSettingsWithCountries } from "@/lib/settings/organization-schema";
import { FormStatus, SaveButton } from "./org-form-status";
import { TextCountriesField } from "./text-countries-field";

type State = FormState<OrganizationField>;

export function OrgForm({
  action,
  initial,
  allowedCountries,
}: {
  action: (state: State, form: FormData) => Promise<State>;
  initial: OrganizationSettingsWithCountries;
  /** The countries the operator lets organizations text (REBOUND_TEXT_COUNTRIES), with their names. */
  allowedCountries: { code: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const typed = state.values;
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-5">
      <Field name="name" label="Spa name" hint="Every text-back names the spa with this, as {spa}." errors={errors.name}>
        <input
          id="name"
          name="name"
          defaultValue={typed?.name ?? initial.name}
          maxLength={80}
          required
          aria-invalid={Boolean(errors.name)}
          aria-describedby={describedBy("name", errors.name, true)}
          className={inputClass}
        />
      </Field>
      <Field
        name="attributionWindowDays"
        label="Attribution window (days)"
        hint="A booking counts as recovered when it follows a missed call from the same person within this many days (1–90)."
        errors={errors.attributionWindowDays}
      >
        <input
          id="attributionWindowDays"
          name="attributionWindowDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          defaultValue={typed?.attributionWindowDays ?? initial.attributionWindowDays}
          aria-invalid={Boolean(errors.attributionWindowDays)}
          aria-describedby={describedBy("attributionWindowDays", errors.attributionWindowDays, true)}
          className={`${inputClass} max-w-32`}
        />
      </Field>
      <div className="flex items-start gap-3">
        <input
          id="coordinatorsSeeRevenue"
          name="coordinatorsSeeRevenue"
          type="checkbox"
          defaultChecked={typed ? typed.coordinatorsSeeRevenue === "on" : initial.coordinatorsSeeRevenue}
          aria-describedby="coordinatorsSeeRevenue-hint"
          className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
        />
        <div>
          <label htmlFor="coordinatorsSeeRevenue" className="text-sm font-medium text-slate-700">
            Coordinators can see revenue
          </label>
          <p id="coordinatorsSeeRevenue-hint" className="text-xs text-slate-500">
            Booked values and the recovery ROI. Owners always see them.
          </p>
        </div>
      </div>
      <TextCountriesField
        allowed={allowedCountries}
        checked={typed ? (typed.enabledCountries ?? "").split(",").filter(Boolean) : initial.enabledCountries}
        errors={errors.enabledCountries}
      />
      <div className="flex items-center gap-4">
        <SaveButton pending={pending} />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
