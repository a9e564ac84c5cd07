import { cookies } from "next/headers";
import { Suspense } from "react";
import { setChecklistHiddenAction } from "@/app/(dashboard)/getting-started/actions";
import { Button } from "@/components/ui/button";
import { optionalMember } from "@/lib/auth/session";
import { shouldShowChecklist } from "@/lib/onboarding/checklist";
import { CHECKLIST_COOKIE } from "@/lib/onboarding/checklist-cookie";
import { readChecklist } from "@/lib/onboarding/status";
import { ChecklistView } from "./checklist-view";

/**
 * The getting-started checklist at the top of the inbox: owners of a new organization only, until
 * every step is done or they hide it. Self-contained, so a page adds it with one element.
 */
export function GettingStarted() {
  return (
    <Suspense fallback={null}>
      <GettingStartedPanel />
    </Suspense>
  );
}

async function GettingStartedPanel() {
  const member = await optionalMember();
  if (member?.role !== "owner") return null;
  const [checklist, store] = await Promise.all([readChecklist(member.orgId), cookies()]);
  if (!checklist) return null;
  const dismissed = store.get(CHECKLIST_COOKIE)?.value === member.orgId;
  if (!shouldShowChecklist({ items: checklist.items, orgCreatedAt: checklist.status.orgCreatedAt, dismissed, now: new Date() })) return null;
  return (
    <ChecklistView
      className="lg:col-span-2"
      items={checklist.items}
      texting={checklist.texting}
      actions={
        <form action={setChecklistHiddenAction}>
          <input type="hidden" name="hidden" value="1" />
          <Button type="submit" variant="ghost" size="sm">
            Hide checklist
          </Button>
        </form>
      }
    />
  );
}
