// Signing in from a server action (the login form, and right after signing up or joining a team).
// Auth.js' signIn answers a success by throwing Next's redirect, which runAction (lib/server/action.ts)
// lets through, and a refusal with an AuthError, turned here into what the form says or does.
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn, TooManySignInAttempts } from "@/auth";
import { AppError } from "@/lib/errors";
import { tooManyAttemptsMessage } from "./attempt-limit";

type Credentials = { email: string; password: string };

/** The login form: a refused sign-in becomes an AppError whose message the form shows. */
export async function signInOrRefuse(credentials: Credentials, redirectTo: string): Promise<void> {
  try {
    await signIn("credentials", { ...credentials, redirectTo });
  } catch (error) {
    if (error instanceof TooManySignInAttempts) throw new AppError("too_many_requests", tooManyAttemptsMessage(error.retryAfterMinutes));
    if (error instanceof AuthError) throw new AppError("unauthorized", "That email and password do not match an account.");
    throw error; // the redirect after a successful sign-in
  }
}

/** Right after the account was made: should signing in still fail, the account exists, so on to the login page. */
export async function signInOrGoToLogin(credentials: Credentials, redirectTo: string, loginPath: string): Promise<void> {
  try {
    await signIn("credentials", { ...credentials, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) redirect(loginPath);
    throw error; // the redirect after a successful sign-in
  }
}
