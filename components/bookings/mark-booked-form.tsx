"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import { recordBookingAction, type BookingFormState } from "@/app/(dashboard)/bookings/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { centsToInput } from "@/lib/bookings/money";
import { findTreatment } from "@/lib/bookings/treatments";
import { useBookingMenu } from "./booking-menu";

export type Booked = NonNullable<BookingFormState["booked"]>;

/**
 * The mark-booked form; lives inside MarkBookedButton's dialog and is remounted each time it opens.
 * The value starts empty and is required: choosing a treatment fills in its value from the menu
 * (Settings → Treatments) until the desk types their own, so what is saved is always a value
 * someone entered or saw and confirmed, never a silent default.
 */
export function MarkBookedForm({
  conversationId,
  callbackId,
  headingId,
  onBooked,
  onCancel,
}: {
  conversationId: string;
  callbackId?: string;
  headingId: string;
  onBooked: (booked: Booked) => void;
  onCancel: () => void;
}) {
  const menu = useBookingMenu();
  const [state, action, pending] = useActionState<BookingFormState, FormData>(recordBookingAction, {});
  const [treatment, setTreatment] = useState("");
  const [value, setValue] = useState("");
  /** The desk typed a value: changing the treatment no longer replaces it. */
  const [valueTyped, setValueTyped] = useState(false);
  useEffect(() => {
    if (state.booked) onBooked(state.booked);
  }, [state.booked, onBooked]);

  const chosen = findTreatment(menu.items, treatment);
  const fromMenu = !valueTyped && chosen?.valueCents != null;
  const chooseTreatment = (next: string) => {
    setTreatment(next);
    if (valueTyped) return;
    const item = findTreatment(menu.items, next);
    setValue(item?.valueCents != null ? centsToInput(item.valueCents) : "");
  };
  const hint = !menu.showValues
    ? "What the client will pay. Only owners see booking values afterwards."
    : fromMenu
      ? `From the treatment menu (${chosen?.name}): check it, or type what this booking is worth.`
      : "Enter what this booking is worth. Owners can set a value per treatment in Settings → Treatments.";

  const errors = state.errors ?? {};
  return (
    // Submitted by hand once hydrated (React's reset after an action would blank the controlled
    // treatment and value of a refused save); `action=` serves a submit before hydration.
    <form
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate
      className="space-y-4 p-5"
    >
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
          id="treatment"
          name="treatment"
          list="treatment-suggestions"
          maxLength={80}
          autoComplete="off"
          required
          autoFocus
          value={treatment}
          onChange={(event) => chooseTreatment(event.target.value)}
          aria-invalid={Boolean(errors.treatment)}
          aria-describedby={describedBy("treatment", errors.treatment)}
          className={inputClass}
        />
      </Field>
      <datalist id="treatment-suggestions">
        {menu.items.map((item) => (
          <option key={item.name} value={item.name} />
        ))}
      </datalist>
      <div className="-mt-2 flex flex-wrap gap-1.5" aria-label="Quick picks" role="group">
        {menu.items.slice(0, 4).map((item) => (
          <button
            key={item.name}
            type="button"
            aria-pressed={chosen?.name === item.name}
            onClick={() => chooseTreatment(item.name)}
            className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-brand-50 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600 aria-pressed:bg-brand-100 aria-pressed:text-brand-800"
          >
            {item.name}
          </button>
        ))}
      </div>

      <Field name="value" label="Value (US dollars)" hint={hint} errors={errors.valueCents}>
        <div className="relative">
          <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-500">
            $
          </span>
          <input
            id="value"
            name="value"
            inputMode="decimal"
            required
            autoComplete="off"
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setValueTyped(event.target.value !== "");
            }}
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
          defaultValue={state.values?.bookedFor ?? ""}
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
