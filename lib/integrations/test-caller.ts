// The caller of every "Send a test event": fictional numbers (the 555-01xx range is reserved for
// fiction), one per provider so each provider's first test gets its own text-back, and a name
// that says what it is wherever it shows up (inbox, contacts, CRM).
import type { Provider } from "@/lib/telephony/call-event";

export const TEST_CALLER_NAME = "Test caller (Rebound)";

export const TEST_CALLERS: Record<Provider, string> = {
  twilio: "+12025550191",
  openphone: "+12025550192",
  aircall: "+12025550193",
  generic: "+12025550194",
};

export const TEST_CALLER_NUMBERS: readonly string[] = Object.values(TEST_CALLERS);

/** The CRM test event's contact: the same fictional range, never a real person. */
export const CRM_TEST_PHONE = "+12025550199";

/** A number that only "Send a test event" calls from: what it creates is marked as test, never counted. */
export const isTestCaller = (phone: string): boolean => TEST_CALLER_NUMBERS.includes(phone);
