"use client";

import { useActionState, useEffect, useRef } from "react";
import { recordBookingAction, type BookingFormState } from "@/app/(dashboard)/bookings/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { centsToInput } from "@/lib/bookings/money";
import { TREATMENT_SUGGESTIONS } from "@/lib/bookings/treatments";

export type Booked = NonNullable<BookingFormState["booked"]>;

const QUICK_PICKS = TREATMENT_SUGGESTIONS.slice(0, 4);

/** The mark-booked form; lives inside MarkBookedButton's dialog and is remounted each time it opens. */
export function MarkBookedForm({
  conversationId,
  callbackId,
  defaultValueCents,
  headingId,
  onBooked,
  onCancel,
}: {
  conversationId: string;
  callbackId?: string;
  defaultValueCents: number;
  headingId: string;
  onBooked: (booked: Booked) => void;
  onCancel: () => void;
}) {
  const [state, action, pending] = useActionState<BookingFormState, FormData>(recordBookingAction, {});
  const treatment = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.booked) onBooked(state.booked);
  }, [state.booked, onBooked]);

  const errors = state.errors ?? {};
  const values = state.values;
  return (
    <form action={action} noValidate className="space-y-4 p-5">
      <div>
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          Mark booked
        </h2>
        <p className="text-sm text-slate-600">{callbackId ? "Completes this callback as booked." : "Closes the conversation as booked."}</p>
      </div>
      <input type="hidden" name="conversationId" value={conversationId} />
      {callbackId ? <input type="hidden" name="callbackId" value={callbackId} /> : null}

      <Field name="treatment" label="Treatment" errors={errors.treatment}>
        <input
          ref={treatment}
          id="treatment"
          name="treatment"
          list="treatment-suggestions"
          maxLength={80}
          autoComplete="off"
          required
          autoFocus
          defaultValue={values?.treatment ?? ""}
          aria-invalid={Boolean(errors.treatment)}
          aria-describedby={describedBy("treatment", errors.treatment)}
          className={inputClass}
        />
      </Field>
      <datalist id="treatment-suggestions">
        {TREATMENT_SUGGESTIONS.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="-mt-2 flex flex-wrap gap-1.5" aria-label="Quick picks" role="group">
        {QUICK_PICKS.map((t) => (
          <button
            key={t}
            type="button"
            onClick={() => {
              if (treatment.current) treatment.current.value = t;
            }}
            className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-brand-50 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {t}
          </button>
        ))}
      </div>

      <Field name="value" label="Value (US dollars)" hint="Prefilled with the location's average booking." errors={errors.valueCents}>
        <div className="relative">
          <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-500">
            $
          </span>
          <input
            id="value"
            name="value"
            inputMode="decimal"
            required
            defaultValue={values?.value ?? centsToInput(defaultValueCents)}
            aria-invalid={Boolean(errors.valueCents)}
            aria-describedby={describedBy("value", errors.valueCents, true)}
            className={`${inputClass} pl-7`}
          />
        </div>
      </Field>

      <Field name="bookedFor" label="Appointment (optional)" hint="Date and time at the spa, in the location's time zone." errors={errors.bookedFor}>
        <input
          id="bookedFor"
          name="bookedFor"
          type="datetime-local"
          defaultValue={values?.bookedFor ?? ""}
          aria-invalid={Boolean(errors.bookedFor)}
          aria-describedby={describedBy("bookedFor", errors.bookedFor, true)}
          className={inputClass}
        />
      </Field>

      {state.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save booking"}
        </Button>
      </div>
    </form>
  );
}
