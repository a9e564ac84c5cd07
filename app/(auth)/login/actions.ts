"use server";

import { AuthError } from "next-auth";
import { credentialsSchema, signIn, TooManySignInAttempts } from "@/auth";
import { tooManyAttemptsMessage } from "@/lib/auth/sign-in";

export type LoginState = { errors?: { email?: string[]; password?: string[] }; message?: string; email?: string };

export async function authenticate(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const input = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = parsed.error.flatten();
    return { errors: { email: fieldErrors.email, password: fieldErrors.password }, email: input.email };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/inbox" });
    return {};
  } catch (error) {
    if (error instanceof TooManySignInAttempts) return { message: tooManyAttemptsMessage(error.retryAfterMinutes), email: input.email };
    if (error instanceof AuthError) {
      return { message: "That email and password do not match an account.", email: input.email };
    }
    throw error; // the redirect after a successful sign-in
  }
}
