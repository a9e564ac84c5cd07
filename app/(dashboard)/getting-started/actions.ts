"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { requireMember } from "@/lib/auth/session";
import { CHECKLIST_COOKIE } from "@/lib/onboarding/checklist-cookie";

/** Hides the checklist from the inbox in this browser; /getting-started still shows it. */
export async function setChecklistHiddenAction(formData: FormData): Promise<void> {
  const member = await requireMember(["owner"]);
  const store = await cookies();
  if (formData.get("hidden") === "1") {
    store.set(CHECKLIST_COOKIE, member.orgId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
  } else {
    store.delete(CHECKLIST_COOKIE);
  }
  revalidatePath("/", "layout");
}
