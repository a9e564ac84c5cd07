"use client";

import { useActionState } from "react";
import { inviteAction, type InviteState } from "@/app/(dashboard)/settings/team/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { CopyField } from "./integration-copy-button";

export function TeamInviteForm({ timezone }: { timezone: string }) {
  const [state, action, pending] = useActionState<InviteState, FormData>(inviteAction, {});
  const invite = state.invite;
  return (
    <div className="space-y-4">
      <form action={action} noValidate className="grid gap-3 sm:grid-cols-[1fr_15rem_auto] sm:items-end">
        <Field name="email" label="Email" errors={state.errors?.email}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={state.values?.email}
            key={invite ? invite.url : "invite-email"}
            aria-invalid={Boolean(state.errors?.email)}
            aria-describedby={describedBy("email", state.errors?.email)}
            className={inputClass}
          />
        </Field>
        <Field name="role" label="Role" errors={state.errors?.role}>
          <select
            id="role"
            name="role"
            defaultValue={state.values?.role || "coordinator"}
            aria-invalid={Boolean(state.errors?.role)}
            aria-describedby={describedBy("role", state.errors?.role)}
            className={inputClass}
          >
            <option value="coordinator">Coordinator (front desk)</option>
            <option value="owner">Owner</option>
          </select>
        </Field>
        <Button type="submit" disabled={pending} className={state.errors ? "sm:mb-6" : ""}>
          {pending ? "Creating…" : "Create invite link"}
        </Button>
      </form>
      {state.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {invite ? (
        <div role="status" className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
          <p className="text-slate-800">
            Invite link for <span className="font-medium">{invite.email}</span> ({invite.role}). Copy it now: it is shown only once and works until{" "}
            {new Date(invite.expiresAt).toLocaleString("en-US", { timeZone: timezone, month: "short", day: "numeric", hour: "numeric", minute: "2-digit" })}.
          </p>
          <CopyField value={invite.url} what="invite link" />
        </div>
      ) : null}
    </div>
  );
}
