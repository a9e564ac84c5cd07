"use client";

import { useActionState } from "react";
import { revokeInvitationAction, type TeamActionState } from "@/app/(dashboard)/settings/team/actions";
import { Button } from "@/components/ui/button";

export function TeamRevokeButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action, pending] = useActionState<TeamActionState, FormData>(revokeInvitationAction, {});
  return (
    <form action={action} className="flex flex-col gap-1 sm:items-end">
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={`Withdraw the invitation for ${email}`}>
        {pending ? "Withdrawing…" : "Withdraw"}
      </Button>
      {state.message && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
