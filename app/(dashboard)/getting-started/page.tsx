import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ChecklistView } from "@/components/onboarding/checklist-view";
import { TextingReadinessCard } from "@/components/texting/readiness-card";
import { Button } from "@/components/ui/button";
import { requireMemberPage } from "@/lib/auth/session";
import { CHECKLIST_COOKIE } from "@/lib/onboarding/checklist-cookie";
import { readChecklist } from "@/lib/onboarding/status";
import { setChecklistHiddenAction } from "./actions";

export const metadata: Metadata = { title: "Getting started" };

/** The whole checklist, always (also once it is done or hidden from the inbox). */
export default async function GettingStartedPage() {
  const member = await requireMemberPage(["owner"]);
  const [checklist, store] = await Promise.all([readChecklist(member.orgId), cookies()]);
  const hidden = store.get(CHECKLIST_COOKIE)?.value === member.orgId;
  if (!checklist) return null;
  return (
    <>
      <ChecklistView
        heading="h1"
        items={checklist.items}
        texting={checklist.texting}
        actions={
          hidden ? (
            <form action={setChecklistHiddenAction}>
              <input type="hidden" name="hidden" value="0" />
              <Button type="submit" variant="secondary" size="sm">
                Show it on the inbox again
              </Button>
            </form>
          ) : null
        }
      />
      <div className="px-4 py-4 sm:px-6">
        <TextingReadinessCard orgId={member.orgId} owner samples />
      </div>
    </>
  );
}
