// Who may see money (booked value, recovered revenue): owners always; coordinators only when an
// owner turned on "coordinators see revenue" in Settings.
import { getDb } from "@/db/client";
import type { SessionMember } from "@/db/queries/members";
import { getOrganizationSettings } from "@/db/queries/settings";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** For APIs and actions: the signed-in member if they may see revenue, else an AppError 401 / 403. */
export async function requireRevenueViewer(): Promise<SessionMember> {
  const member = await requireMember();
  if (member.role === "owner") return member;
  const settings = await getOrganizationSettings(await getDb(), { orgId: member.orgId });
  if (!settings?.coordinatorsSeeRevenue) throw new AppError("forbidden", "Revenue figures are for owners. An owner can let coordinators see them in Settings.");
  return member;
}
