"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { revokeCurrentSession } from "@/lib/auth/session";
import { requestAddress } from "@/lib/http/request-address";
import { safeErrorSummary } from "@/lib/integrations/safe-error";
import { acceptInvitation } from "@/lib/team/invitations";
import { acceptInviteSchema } from "@/lib/team/schemas";

export type AcceptState = { errors?: { name?: string[]; password?: string[] }; message?: string; name?: string };

/** Public: the token is the credential. Creates the member, then signs them in. */
export async function acceptInviteAction(_previous: AcceptState, formData: FormData): Promise<AcceptState> {
  const input = { token: String(formData.get("token") ?? ""), name: String(formData.get("name") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = acceptInviteSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = parsed.error.flatten();
    return { errors: { name: fieldErrors.name, password: fieldErrors.password }, message: fieldErrors.token ? "This invitation link is not valid." : undefined, name: input.name };
  }
  let accepted: Awaited<ReturnType<typeof acceptInvitation>>;
  try {
    accepted = await acceptInvitation({ ...parsed.data, ip: await requestAddress() });
  } catch (error) {
    console.error(`[invite] accept failed: ${safeErrorSummary(error)}`);
    return { message: "Joining did not work. Try again in a moment; the link still works.", name: input.name };
  }
  if (!accepted.ok) return { message: accepted.message, name: input.name };
  // Someone else signed in on this browser stops being signed in before the new member is.
  await revokeCurrentSession();
  try {
    await signIn("credentials", { email: accepted.email, password: parsed.data.password, redirectTo: "/inbox" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login?joined=1");
    throw error; // the redirect after a successful sign-in
  }
  return {};
}
