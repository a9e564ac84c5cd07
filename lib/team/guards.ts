// The rules that keep a team workable, as pure checks: an organization always keeps an owner, and
// nobody removes themselves by accident (another owner can).
import type { Member } from "@/db/schema";

export type Role = Member["role"];

export type GuardResult = { ok: true } | { ok: false; message: string };

type Change = {
  actorId: string;
  target: { id: string; role: Role };
  /** Ids of the organization's owners, read under lock. */
  ownerIds: readonly string[];
};

const isLastOwner = ({ target, ownerIds }: Change) => target.role === "owner" && ownerIds.length <= 1 && ownerIds.includes(target.id);

export function checkRoleChange(change: Change & { newRole: Role }): GuardResult {
  if (change.newRole === change.target.role) return { ok: true };
  if (change.newRole === "coordinator" && isLastOwner(change)) {
    return { ok: false, message: "This is the only owner. Make someone else an owner first, so the spa keeps someone who can change settings." };
  }
  return { ok: true };
}

export function checkRemoval(change: Change): GuardResult {
  if (change.target.id === change.actorId) {
    return { ok: false, message: "You cannot remove yourself. Ask another owner to do it." };
  }
  if (isLastOwner(change)) {
    return { ok: false, message: "This is the only owner. Make someone else an owner first." };
  }
  return { ok: true };
}
