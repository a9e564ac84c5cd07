// Every settings action starts here: server actions are public POST endpoints, so each one checks
// again that an owner is signed in (and in which organization) before it touches anything.
import type { SessionMember } from "@/db/queries/members";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { FormState } from "./form";
import { logError } from "@/lib/log";

export async function asOwner<Field extends string>(run: (member: SessionMember) => Promise<FormState<Field>>): Promise<FormState<Field>> {
  try {
    const member = await requireMember(["owner"]);
    return await run(member);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    logError("settings", error, "action failed");
    return { message: "The change could not be saved. Try again." };
  }
}
