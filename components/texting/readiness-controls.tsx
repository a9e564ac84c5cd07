"use client";

// The owner's controls on the readiness card: "Check again", and the Messaging Service SID field.
import { useActionState } from "react";
import { checkAgainAction, saveMessagingServiceAction, type ReadinessState } from "@/app/(dashboard)/texting/actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/field";

function Outcome({ state }: { state: ReadinessState }) {
  if (!state.message) return <p role="status" className="sr-only" />;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}

export function CheckAgainButton() {
  const [state, action, pending] = useActionState<ReadinessState>(checkAgainAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Checking…" : "Check again"}
      </Button>
      <Outcome state={state} />
    </form>
  );
}

export function MessagingServiceForm({ current }: { current: string | null }) {
  const [state, action, pending] = useActionState<ReadinessState, FormData>(saveMessagingServiceAction, {});
  return (
    <form action={action} noValidate className="space-y-1">
      <label htmlFor="messaging-service-sid" className="block text-sm font-medium text-slate-800">
        Twilio Messaging Service SID
      </label>
      <p id="messaging-service-sid-hint" className="text-xs text-slate-600">
        The service (MG…) whose A2P 10DLC campaign covers your Twilio numbers. Twilio console → Messaging → Services.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="messaging-service-sid"
          name="sid"
          defaultValue={current ?? ""}
          placeholder="MG…"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="messaging-service-sid-hint messaging-service-sid-error"
          aria-invalid={state.errors?.sid ? true : undefined}
          className={`${inputClass} max-w-md font-mono`}
        />
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      <FieldError id="messaging-service-sid-error" messages={state.errors?.sid} />
      {state.errors ? null : <Outcome state={state} />}
    </form>
  );
}
