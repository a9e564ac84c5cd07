// The checklist of one organization, read fresh from the database on every render.
import { getOnboardingStatus } from "@/db/queries/onboarding";
import { TEST_CALLER_NUMBERS } from "@/lib/integrations/test-caller";
import { buildChecklist, textingStatement, type ChecklistItem, type OnboardingStatus } from "./checklist";

export async function readChecklist(orgId: string): Promise<{ status: OnboardingStatus; items: ChecklistItem[]; texting: ReturnType<typeof textingStatement> } | null> {
  const status = await getOnboardingStatus({ orgId, testCallers: TEST_CALLER_NUMBERS });
  return status ? { status, items: buildChecklist(status), texting: textingStatement(status) } : null;
}
