// Every page, server action and API route starts here: who is signed in, in which organization,
// with which role. Pages redirect; actions and APIs get an AppError.
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getSessionMember, type SessionMember } from "@/db/queries/members";
import { revokeSession } from "@/db/queries/sessions";
import { AppError } from "@/lib/errors";

export type Role = SessionMember["role"];

async function currentMember(): Promise<SessionMember | null> {
  const session = await auth();
  if (!session?.sessionId || !session.user?.id) return null;
  const member = await getSessionMember({ sessionId: session.sessionId, now: new Date() });
  return member?.id === session.user.id ? member : null;
}

/** The signed-in member, or null (the login page uses it to skip the form). */
export async function optionalMember(): Promise<SessionMember | null> {
  return currentMember();
}

/** Ends the session server-side, so the cookie is worthless even if a copy survives. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) await revokeSession({ sessionId: session.sessionId, at: new Date() });
}

/** For pages: the signed-in member, or a redirect to the login page (or the inbox for a wrong role). */
export async function requireMemberPage(roles: readonly Role[] = ["owner", "coordinator"]): Promise<SessionMember> {
  const member = await currentMember();
  if (!member) redirect("/login");
  if (!roles.includes(member.role)) redirect("/inbox?denied=1");
  return member;
}

/** For server actions and API routes: the signed-in member, or an AppError (401 / 403). */
export async function requireMember(roles: readonly Role[] = ["owner", "coordinator"]): Promise<SessionMember> {
  const member = await currentMember();
  if (!member) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  if (!roles.includes(member.role)) throw new AppError("forbidden", "Your role does not allow this.");
  return member;
}
