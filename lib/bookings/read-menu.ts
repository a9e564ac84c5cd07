// The treatment menu as a signed-in member may see it: values only when they may see revenue.
import type { SessionMember } from "@/db/queries/members";
import { listTreatments } from "@/db/queries/treatments";
import { seesRevenue } from "@/lib/auth/revenue";
import { menuFor, menuOf, type MenuItem } from "./treatments";

export type BookingMenu = { items: MenuItem[]; showValues: boolean };

export async function readBookingMenu(member: Pick<SessionMember, "orgId" | "role">): Promise<BookingMenu> {
  const [rows, showValues] = await Promise.all([listTreatments({ orgId: member.orgId }), seesRevenue(member)]);
  return { items: menuFor(menuOf(rows), showValues), showValues };
}
