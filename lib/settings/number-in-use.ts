// What the number form says when a number cannot be added because someone holds it.
import type { NumberOwner } from "@/db/queries/settings";

/**
 * A number held outside this organization gets one sentence whoever holds it (another customer, a
 * number Rebound keeps back), so the form never tells one customer about another's numbers. Both
 * answers come from the same single lookup, so neither takes longer. One of the owner's own numbers
 * is named with its location: that is the owner's own data, already in their number list.
 */
export const NUMBER_TAKEN = "This number can't be added. If it is yours, contact support.";

export function numberInUseMessage(owner: NumberOwner, locationId: string): string {
  if (owner.kind === "other_organization") return NUMBER_TAKEN;
  return owner.locationId === locationId ? "This number is already on this location." : `Already used by ${owner.locationName}.`;
}
