"use client";

import { useActionState, useState } from "react";
import { changeRoleAction, removeMemberAction, type TeamActionState } from "@/app/(dashboard)/settings/team/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Role = "owner" | "coordinator";

export function TeamMemberActions({ memberId, name, role, isSelf }: { memberId: string; name: string; role: Role; isSelf: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState<TeamActionState, FormData>(changeRoleAction, {});
  const [removeState, removeAction, removePending] = useActionState<TeamActionState, FormData>(removeMemberAction, {});
  const [confirming, setConfirming] = useState(false);
  const feedback = [roleState, removeState].filter((s) => s.message).sort((a, b) => (b.at ?? 0) - (a.at ?? 0))[0];
  const selectId = `role-${memberId}`;
  return (
    <div className="flex flex-col gap-1 sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="memberId" value={memberId} />
          <label htmlFor={selectId} className="sr-only">
            Role of {name}
          </label>
          <select id={selectId} name="role" defaultValue={role} className={`${inputClass} w-40`} aria-describedby={feedback ? `${selectId}-feedback` : undefined}>
            <option value="coordinator">Coordinator</option>
            <option value="owner">Owner</option>
          </select>
          <Button type="submit" variant="secondary" size="sm" disabled={rolePending} aria-label={`Save role of ${name}`}>
            {rolePending ? "Saving…" : "Save"}
          </Button>
        </form>
        {isSelf ? null : confirming ? (
          <form action={removeAction} className="flex items-center gap-2">
            <input type="hidden" name="memberId" value={memberId} />
            <Button type="submit" variant="danger" size="sm" disabled={removePending}>
              {removePending ? "Removing…" : `Remove ${name}`}
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Remove ${name}…`}>
            Remove…
          </Button>
        )}
      </div>
      {feedback ? (
        <p id={`${selectId}-feedback`} role={feedback.ok ? "status" : "alert"} className={`text-sm ${feedback.ok ? "text-emerald-700" : "text-red-700"}`}>
          {feedback.message}
        </p>
      ) : null}
    </div>
  );
}
