// The checklist of one organization, read fresh from the database on every render.
import { getDb } from "@/db/client";
import { getOnboardingStatus } from "@/db/queries/onboarding";
import { TEST_CALLER_NUMBERS } from "@/lib/integrations/test-caller";
import { buildChecklist, type ChecklistItem, type OnboardingStatus } from "./checklist";
import { PLACEHOLDER_BOOKING_URL } from "./first-location";

export async function readChecklist(orgId: string): Promise<{ status: OnboardingStatus; items: ChecklistItem[] } | null> {
  const status = await getOnboardingStatus(await getDb(), { orgId, placeholderBookingUrl: PLACEHOLDER_BOOKING_URL, testCallers: TEST_CALLER_NUMBERS });
  return status ? { status, items: buildChecklist(status) } : null;
}
