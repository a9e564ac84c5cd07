"use server";

import { signOut } from "@/auth";

export async function signOutAction(): Promise<void> {
  // auth.ts's signOut event revokes the session row.
  await signOut({ redirectTo: "/login" });
}
