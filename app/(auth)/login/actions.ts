"use server";

import { credentialsSchema } from "@/auth";
import { signInOrRefuse } from "@/lib/auth/sign-in-form";
import { runAction } from "@/lib/server/action";

export type LoginState = { errors?: { email?: string[]; password?: string[] }; message?: string; email?: string };

/** Public: the password is the credential. */
export async function authenticate(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const input = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  return runAction(
    {
      access: "public",
      log: ["login", "sign-in failed"],
      fail: (message): LoginState => ({ message, email: input.email }),
      input: {
        schema: credentialsSchema,
        value: input,
        invalid: ({ fieldErrors }) => ({ errors: { email: fieldErrors.email, password: fieldErrors.password }, email: input.email }),
      },
    },
    async ({ input: credentials }) => {
      await signInOrRefuse(credentials, "/inbox");
      return {};
    },
  );
}
