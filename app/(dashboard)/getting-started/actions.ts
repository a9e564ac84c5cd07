"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { CHECKLIST_COOKIE } from "@/lib/onboarding/checklist-cookie";
import { OWNERS, runAction } from "@/lib/server/action";

/** Hides the checklist from the inbox in this browser; /getting-started still shows it. No state to answer with: a refusal is thrown. */
export async function setChecklistHiddenAction(formData: FormData): Promise<void> {
  return runAction({ access: OWNERS, log: ["getting started", "checklist toggle failed"] }, async ({ member }) => {
    const store = await cookies();
    if (formData.get("hidden") === "1") {
      store.set(CHECKLIST_COOKIE, member.orgId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
    } else {
      store.delete(CHECKLIST_COOKIE);
    }
    revalidatePath("/", "layout");
  });
}
