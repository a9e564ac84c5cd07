"use client";

import { useActionState } from "react";
import { revokeApiTokenAction, type RevokeTokenState } from "@/app/(dashboard)/settings/api/actions";
import { Button } from "@/components/ui/button";

/** Revokes one token after the owner confirms; an error shows beside the button. */
export function ApiTokenRevokeButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState<RevokeTokenState, FormData>(revokeApiTokenAction, {});
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token “${name}”? Tools using it stop working at once; this cannot be undone.`)) event.preventDefault();
      }}
      className="flex flex-col gap-1 sm:items-end"
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={`Revoke the token ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {state.message && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
