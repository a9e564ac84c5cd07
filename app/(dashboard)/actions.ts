"use server";

import { signOut } from "@/auth";
import { runAction } from "@/lib/server/action";

/** Public: signing out needs no check (auth.ts's signOut event revokes the session row). */
export async function signOutAction(): Promise<void> {
  return runAction({ access: "public", log: ["auth", "sign-out failed"] }, async () => {
    await signOut({ redirectTo: "/login" });
  });
}
