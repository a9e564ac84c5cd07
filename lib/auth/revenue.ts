// Revenue figures (the ROI dashboard, its lists, bookings exports, booking values in conversations,
// the callback queue and the Mark booked dialog) are for owners, and for
// coordinators only when an owner allows it (settings: "coordinators see revenue").
import { redirect } from "next/navigation";
import { getOrganizationSettings } from "@/db/queries/settings";
import type { SessionMember } from "@/db/queries/members";
import { AppError } from "@/lib/errors";
import { requireMember, requireMemberPage } from "./session";

/** Owners always; coordinators only when an owner turned "coordinators can see revenue" on. */
export async function seesRevenue(member: Pick<SessionMember, "role" | "orgId">): Promise<boolean> {
  if (member.role === "owner") return true;
  const settings = await getOrganizationSettings({ orgId: member.orgId });
  return Boolean(settings?.coordinatorsSeeRevenue);
}

/** For pages: the member, or a redirect to the inbox when they may not see revenue. */
export async function requireRevenuePage(): Promise<SessionMember> {
  const member = await requireMemberPage();
  if (!(await seesRevenue(member))) redirect("/inbox?denied=1");
  return member;
}

/** For route handlers and actions: the member, or an AppError (401 / 403). */
export async function requireRevenueMember(): Promise<SessionMember> {
  const member = await requireMember();
  if (!(await seesRevenue(member))) throw new AppError("forbidden", "Revenue figures are for owners. An owner can let coordinators see them in Settings.");
  return member;
}
