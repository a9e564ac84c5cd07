"use server";

import { revokeCurrentSession } from "@/lib/auth/session";
import { signInOrGoToLogin } from "@/lib/auth/sign-in-form";
import { requestAddress } from "@/lib/http/request-address";
import { runAction } from "@/lib/server/action";
import { acceptInvitation } from "@/lib/team/invitations";
import { acceptInviteSchema } from "@/lib/team/schemas";

export type AcceptState = { errors?: { name?: string[]; password?: string[] }; message?: string; name?: string };

/** Public: the token is the credential. Creates the member, then signs them in. */
export async function acceptInviteAction(_previous: AcceptState, formData: FormData): Promise<AcceptState> {
  const input = { token: String(formData.get("token") ?? ""), name: String(formData.get("name") ?? ""), password: String(formData.get("password") ?? "") };
  return runAction(
    {
      access: "public",
      log: ["invite", "accept failed"],
      fail: (message): AcceptState => ({ message, name: input.name }),
      unexpected: "Joining did not work. Try again in a moment; the link still works.",
      input: {
        schema: acceptInviteSchema,
        value: input,
        invalid: ({ fieldErrors }) => ({
          errors: { name: fieldErrors.name, password: fieldErrors.password },
          message: fieldErrors.token ? "This invitation link is not valid." : undefined,
          name: input.name,
        }),
      },
    },
    async ({ input: accept }) => {
      const accepted = await acceptInvitation({ ...accept, ip: await requestAddress() });
      if (!accepted.ok) return { message: accepted.message, name: input.name };
      // Someone else signed in on this browser stops being signed in before the new member is.
      await revokeCurrentSession();
      await signInOrGoToLogin({ email: accepted.email, password: accept.password }, "/inbox", "/login?joined=1");
      return {};
    },
  );
}
