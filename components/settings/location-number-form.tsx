"use client";

import { useActionState } from "react";
import { addNumberAction } from "@/app/(dashboard)/settings/locations/actions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/settings/form";
import type { PhoneNumberField } from "@/lib/settings/location-schema";
import { PROVIDER_LABELS, PROVIDER_VALUES } from "@/lib/settings/providers";
import { InputField } from "./location-fields";
import { FormStatus, SaveButton } from "./org-form-status";

export function LocationNumberForm({ locationId }: { locationId: string }) {
  const [state, formAction, pending] = useActionState<FormState<PhoneNumberField>, FormData>(addNumberAction, {});
  const errors = state.errors ?? {};
  return (
    <form action={formAction} noValidate className="rounded-lg bg-slate-50 p-4">
      <h3 className="text-sm font-semibold text-slate-900">Add a number</h3>
      <input type="hidden" name="locationId" value={locationId} />
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        <InputField
          name="number"
          id="new-number"
          label="Phone number"
          type="tel"
          autoComplete="off"
          placeholder="(310) 555-0100"
          defaultValue={state.values?.number ?? ""}
          errors={errors.number}
        />
        <Field name="new-number-provider" label="Phone system" errors={errors.provider}>
          <select
            id="new-number-provider"
            name="provider"
            defaultValue={state.values?.provider ?? "twilio"}
            aria-invalid={Boolean(errors.provider)}
            aria-describedby={describedBy("new-number-provider", errors.provider)}
            className={inputClass}
          >
            {PROVIDER_VALUES.map((value) => (
              <option key={value} value={value}>
                {PROVIDER_LABELS[value]}
              </option>
            ))}
          </select>
        </Field>
        <InputField name="label" id="new-number-label" label="Label" placeholder="Main line" maxLength={40} defaultValue={state.values?.label ?? ""} errors={errors.label} />
      </div>
      <div className="mt-4 flex items-center gap-4">
        <SaveButton pending={pending} label="Add number" pendingLabel="Adding…" />
        <FormStatus state={state} saved="Number added and checked with its phone system: its status shows in the list above." />
      </div>
    </form>
  );
}
