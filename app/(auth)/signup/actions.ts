"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { requestAddress } from "@/lib/http/request-address";
import { safeErrorSummary } from "@/lib/integrations/safe-error";
import { signUpOrganization, signupSchema } from "@/lib/onboarding/signup";

type Field = "spaName" | "name" | "email" | "password";
export type SignupState = { errors?: Partial<Record<Field, string[]>>; message?: string; values?: { spaName: string; name: string; email: string } };

/** Public: creates the spa, its owner and a first location, then signs the owner in. */
export async function signupAction(_previous: SignupState, formData: FormData): Promise<SignupState> {
  const read = (key: string) => String(formData.get(key) ?? "");
  const input = { spaName: read("spaName"), name: read("name"), email: read("email"), password: read("password"), timezone: read("timezone") || undefined };
  const values = { spaName: input.spaName, name: input.name, email: input.email };
  const parsed = signupSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = parsed.error.flatten();
    return { errors: { spaName: fieldErrors.spaName, name: fieldErrors.name, email: fieldErrors.email, password: fieldErrors.password }, values };
  }
  let result: Awaited<ReturnType<typeof signUpOrganization>>;
  try {
    result = await signUpOrganization(parsed.data, { ip: await requestAddress() });
  } catch (error) {
    console.error(`[signup] failed: ${safeErrorSummary(error)}`);
    return { message: "Your spa could not be created. Try again in a moment.", values };
  }
  // Not next to the email field: the answer must not point at the email (lib/onboarding/signup.ts).
  if (!result.ok) return { message: result.message, values };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/inbox" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login");
    throw error; // the redirect after a successful sign-in
  }
  return {};
}
