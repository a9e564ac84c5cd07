"use client";

import { useActionState, useState } from "react";
import { saveLocationAction } from "@/app/(dashboard)/settings/locations/actions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { openableUrl } from "@/lib/settings/booking-url";
import type { FormState } from "@/lib/settings/form";
import type { LocationFormValues, LocationSettingsField } from "@/lib/settings/location-schema";
import { TIMEZONE_GROUPS } from "@/lib/settings/timezones";
import { FieldGroup, InputField } from "./location-fields";
import { FormStatus, SaveButton } from "./org-form-status";
import { LocationTextingFields } from "./location-texting-fields";

type State = FormState<LocationSettingsField>;

export function LocationForm({ locationId, initial }: { locationId: string; initial: LocationFormValues }) {
  const [state, formAction, pending] = useActionState<State, FormData>(saveLocationAction, {});
  const errors = state.errors ?? {};
  // After a refused save the form shows what was typed; after a good one, the saved values.
  const value = (field: Exclude<LocationSettingsField, "textShortAbandoned" | "followUpEnabled">) => state.values?.[field] ?? initial[field];
  const [bookingUrl, setBookingUrl] = useState(initial.bookingUrl);
  const testUrl = openableUrl(bookingUrl);

  return (
    <form action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="locationId" value={locationId} />
      <FieldGroup title="Location">
        <InputField name="name" label="Name" defaultValue={value("name")} maxLength={80} errors={errors.name} />
        <Field name="timezone" label="Time zone" hint="Hours and quiet hours are read on this clock." errors={errors.timezone}>
          <select
            id="timezone"
            name="timezone"
            defaultValue={value("timezone")}
            aria-invalid={Boolean(errors.timezone)}
            aria-describedby={describedBy("timezone", errors.timezone, true)}
            className={inputClass}
          >
            {TIMEZONE_GROUPS.some((group) => group.zones.some((option) => option.zone === initial.timezone)) ? null : (
              <option value={initial.timezone}>{initial.timezone} (choose a zone from the list)</option>
            )}
            {TIMEZONE_GROUPS.map((group) => (
              <optgroup key={group.country} label={group.country}>
                {group.zones.map((option) => (
                  <option key={option.zone} value={option.zone}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      </FieldGroup>

      <FieldGroup title="Calls" description="Where a call to a Rebound number rings, and for how long, before it counts as missed.">
        <InputField name="forwardingNumber" label="Forwarding number" hint="The spa's real line. Leave empty if calls ring on the spa's own system." type="tel" autoComplete="off" defaultValue={value("forwardingNumber")} errors={errors.forwardingNumber} />
        <InputField name="ringTimeoutSeconds" label="Ring for" type="number" inputMode="numeric" min={10} max={60} suffix="seconds (10–60)" className="max-w-28" defaultValue={value("ringTimeoutSeconds")} errors={errors.ringTimeoutSeconds} />
      </FieldGroup>

      <FieldGroup title="Booking" description="Every text-back carries this link (tracked, so a tap counts).">
        <Field name="bookingUrl" label="Booking URL" errors={errors.bookingUrl}>
          <div className="flex items-center gap-2">
            <input
              id="bookingUrl"
              name="bookingUrl"
              type="url"
              inputMode="url"
              value={bookingUrl}
              onChange={(event) => setBookingUrl(event.target.value)}
              aria-invalid={Boolean(errors.bookingUrl)}
              aria-describedby={describedBy("bookingUrl", errors.bookingUrl)}
              className={inputClass}
            />
            {testUrl ? (
              <a href={testUrl} target="_blank" rel="noopener noreferrer" className="shrink-0 rounded-md px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">
                Test link<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              <span aria-disabled="true" className="shrink-0 rounded-md px-3 py-2 text-sm font-semibold text-slate-400 ring-1 ring-slate-200 ring-inset">
                Test link
              </span>
            )}
          </div>
        </Field>
        <InputField name="defaultBookingValue" label="Default booking value" hint="What a booking is worth when the desk does not enter an amount." inputMode="decimal" suffix="dollars" className="max-w-36" defaultValue={value("defaultBookingValue")} errors={errors.defaultBookingValue} />
      </FieldGroup>

      <LocationTextingFields initial={initial} values={state.values} errors={errors} />

      <div className="flex items-center gap-4 border-t border-slate-200 pt-5">
        <SaveButton pending={pending} label="Save location" />
        <FormStatus state={state} />
      </div>
    </form>
  );
}
