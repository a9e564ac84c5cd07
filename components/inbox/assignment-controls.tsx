"use client";

import { useActionState } from "react";
import { assignAction, claimAction, type ConversationActionState } from "@/app/(dashboard)/inbox/conversation-actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";

type Member = { id: string; name: string; role: "owner" | "coordinator" };

/** Who has the conversation, and the ways to change it: claim it, hand it to a teammate, let it go. */
export function AssignmentControls({
  conversationId,
  assignee,
  members,
  meId,
}: {
  conversationId: string;
  assignee: { id: string; name: string } | null;
  members: Member[];
  meId: string;
}) {
  const [claimState, claim, claiming] = useActionState<ConversationActionState, FormData>(claimAction, {});
  const [assignState, assign, assigning] = useActionState<ConversationActionState, FormData>(assignAction, {});
  const message = claimState.message ?? assignState.message;
  const mine = assignee?.id === meId;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <p data-testid="assignee" className="text-slate-700">
        {assignee ? (
          <>
            Assigned to <span className="font-medium text-slate-900">{mine ? `${assignee.name} (you)` : assignee.name}</span>
          </>
        ) : (
          "Unassigned"
        )}
      </p>
      {!mine ? (
        <form action={claim}>
          <input type="hidden" name="conversationId" value={conversationId} />
          <Button type="submit" size="sm" disabled={claiming}>
            {claiming ? "Claiming…" : "Claim"}
          </Button>
        </form>
      ) : null}
      <form action={assign} className="flex items-center gap-1.5">
        <input type="hidden" name="conversationId" value={conversationId} />
        <label htmlFor="assign-to" className="text-xs text-slate-600">
          Assign to
        </label>
        <select
          id="assign-to"
          name="assigneeId"
          // A new default after each change, so the menu shows who has it now.
          key={assignee?.id ?? "nobody"}
          defaultValue={assignee?.id ?? ""}
          aria-invalid={Boolean(assignState.errors?.assigneeId)}
          aria-describedby={assignState.errors?.assigneeId ? "assign-to-error" : undefined}
          className="h-7 max-w-full rounded-md border border-slate-300 bg-white px-1.5 text-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        >
          <option value="">Nobody</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id === meId ? `${m.name} (you)` : m.name}
            </option>
          ))}
        </select>
        <Button type="submit" size="sm" variant="secondary" disabled={assigning}>
          {assigning ? "Saving…" : "Assign"}
        </Button>
      </form>
      <FieldError id="assign-to-error" messages={assignState.errors?.assigneeId} />
      {message ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
