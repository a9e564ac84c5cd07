"use server";

import { signInOrGoToLogin } from "@/lib/auth/sign-in-form";
import { requestAddress } from "@/lib/http/request-address";
import { signUpOrganization, signupSchema } from "@/lib/onboarding/signup";
import { runAction } from "@/lib/server/action";

type Field = "spaName" | "name" | "email" | "password";
export type SignupState = { errors?: Partial<Record<Field, string[]>>; message?: string; values?: { spaName: string; name: string; email: string } };

/** Public: creates the spa, its owner and a first location, then signs the owner in. */
export async function signupAction(_previous: SignupState, formData: FormData): Promise<SignupState> {
  const read = (key: string) => String(formData.get(key) ?? "");
  const input = { spaName: read("spaName"), name: read("name"), email: read("email"), password: read("password"), timezone: read("timezone") || undefined };
  const values = { spaName: input.spaName, name: input.name, email: input.email };
  return runAction(
    {
      access: "public",
      log: ["signup", "failed"],
      fail: (message): SignupState => ({ message, values }),
      unexpected: "Your spa could not be created. Try again in a moment.",
      input: {
        schema: signupSchema,
        value: input,
        invalid: ({ fieldErrors }) => ({ errors: { spaName: fieldErrors.spaName, name: fieldErrors.name, email: fieldErrors.email, password: fieldErrors.password }, values }),
      },
    },
    async ({ input: signup }) => {
      const result = await signUpOrganization(signup, { ip: await requestAddress() });
      // Not next to the email field: the answer must not point at the email (lib/onboarding/signup.ts).
      if (!result.ok) return { message: result.message, values };
      await signInOrGoToLogin({ email: signup.email, password: signup.password }, "/inbox", "/login");
      return {};
    },
  );
}
