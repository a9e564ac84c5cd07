"use client";

import { useActionState, useRef, useState } from "react";
import { submitKeepingValues } from "./submit-keeping-values";
import { saveLocationAction } from "@/app/(dashboard)/settings/locations/actions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { openableUrl } from "@/lib/settings/booking-url";
import type { FormState } from "@/lib/settings/form";
import type { LocationFormValues, LocationSettingsField } from "@/lib/settings/location-schema";
import { FieldGroup, InputField } from "./location-fields";
import { FormStatus, SaveButton } from "./org-form-status";
import { LocationTextingFields } from "./location-texting-fields";
import { TimezoneSelect } from "./timezone-select";
import { UnsavedNote, useFormDirty, useLeaveWarning } from "./unsaved-changes";

type State = FormState<LocationSettingsField>;

/**
 * The location's details and texting rules: one form, one Save. Once hydrated the form is submitted
 * by hand (`action=` stays for a submit before hydration): React resets a form after its action,
 * which put a select whose stored option had just gone back on its first option (a UTC spa saved as
 * Los Angeles showed, then saved, New York). After a save the fields are remounted from the saved
 * values instead.
 */
export function LocationForm({ locationId, initial }: { locationId: string; initial: LocationFormValues }) {
  const [state, formAction, pending] = useActionState<State, FormData>(saveLocationAction, {});
  const form = useRef<HTMLFormElement>(null);
  // A save (or new saved values from the server) remounts the fields from what is stored.
  const savedKey = `${state.savedAt ?? 0}:${JSON.stringify(initial)}`;
  const dirty = useFormDirty(form, savedKey);
  useLeaveWarning(dirty, "location details");

  return (
    <form ref={form} action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="space-y-6">
      <input type="hidden" name="locationId" value={locationId} />
      <LocationFields key={savedKey} initial={initial} state={state} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-200 pt-5">
        <SaveButton pending={pending} label="Save location" />
        <FormStatus state={state} />
        <UnsavedNote show={dirty && !pending} what="location details" />
      </div>
    </form>
  );
}

function LocationFields({ initial, state }: { initial: LocationFormValues; state: State }) {
  const errors = state.errors ?? {};
  // After a refused save the form shows what was typed; after a good one, the saved values.
  const value = (field: Exclude<LocationSettingsField, "textShortAbandoned" | "followUpEnabled">) => state.values?.[field] ?? initial[field];
  const [bookingUrl, setBookingUrl] = useState(value("bookingUrl"));
  const testUrl = openableUrl(bookingUrl);

  return (
    <>
      <FieldGroup title="Location">
        <InputField name="name" label="Name" defaultValue={value("name")} maxLength={80} errors={errors.name} />
        <Field name="timezone" label="Time zone" hint="Hours and quiet hours are read on this clock." errors={errors.timezone}>
          <TimezoneSelect stored={initial.timezone} initial={value("timezone")} invalid={Boolean(errors.timezone)} describedBy={describedBy("timezone", errors.timezone, true)} />
        </Field>
      </FieldGroup>

      <FieldGroup title="Calls" description="Where a call to a Rebound number rings, and for how long, before it counts as missed.">
        <InputField
          name="forwardingNumber"
          label="Forwarding number"
          hint="The spa's real line. Leave empty if calls ring on the spa's own system."
          type="tel"
          autoComplete="off"
          defaultValue={value("forwardingNumber")}
          errors={errors.forwardingNumber}
        />
        <InputField
          name="ringTimeoutSeconds"
          label="Ring for"
          type="number"
          inputMode="numeric"
          min={10}
          max={60}
          suffix="seconds (10–60)"
          className="max-w-28"
          defaultValue={value("ringTimeoutSeconds")}
          errors={errors.ringTimeoutSeconds}
        />
        <InputField
          name="missedLegSeconds"
          label="Answered after"
          hint="The spa's own Twilio number (its own call flow): a call counts as answered only when someone stayed on it this long. Shorter is a mobile's voicemail picking up, and the caller gets the text-back."
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          suffix="seconds (1–60)"
          className="max-w-28"
          defaultValue={value("missedLegSeconds")}
          errors={errors.missedLegSeconds}
        />
      </FieldGroup>

      <FieldGroup
        title="Booking"
        description={
          initial.bookingUrl
            ? "Every text-back carries this link (tracked, so a tap counts)."
            : "No booking link yet: this location sends no automatic texts until you add one (and its opening hours)."
        }
      >
        <Field name="bookingUrl" label="Booking URL" hint={initial.bookingUrl ? undefined : "Your own booking page, e.g. https://book.yourspa.com."} errors={errors.bookingUrl}>
          <div className="flex items-center gap-2">
            <input
              id="bookingUrl"
              name="bookingUrl"
              type="url"
              inputMode="url"
              value={bookingUrl}
              onChange={(event) => setBookingUrl(event.target.value)}
              aria-invalid={Boolean(errors.bookingUrl)}
              aria-describedby={describedBy("bookingUrl", errors.bookingUrl, !initial.bookingUrl)}
              className={inputClass}
            />
            {testUrl ? (
              <a
                href={testUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="shrink-0 rounded-md px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                Test link<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              <span aria-disabled="true" className="shrink-0 rounded-md px-3 py-2 text-sm font-semibold text-slate-400 ring-1 ring-slate-200 ring-inset">
                Test link
              </span>
            )}
          </div>
        </Field>
      </FieldGroup>

      <LocationTextingFields initial={initial} values={state.values} errors={errors} />
    </>
  );
}
