// "Send a test event": a correctly signed, real-format missed call from the test caller, run
// through the very handler its webhook route runs (signature check included), then read back.
import { findCallOutcome, findTestTarget, nameContactIfUnnamed } from "@/db/queries/integrations";
import { getOrgSecrets } from "@/db/queries/organizations";
import { env } from "@/lib/env";
import type { Provider } from "@/lib/telephony/call-event";
import { processInbound } from "@/lib/intake/process-batch";
import { handleWebhook } from "@/lib/intake/routes";
import type { Defer } from "@/lib/server/defer";
import { describeTestResult, type TestCallResult } from "./describe-test";
import { PROVIDER_LABELS } from "@/lib/settings/providers";
import { TEST_CALLER_NAME, TEST_CALLERS } from "./test-caller";
import { buildTestRequest } from "./test-request";

function deliver(provider: Provider, request: Request, defer: Defer): Promise<Response> {
  return handleWebhook(provider === "twilio" ? "twilio/dial" : provider, request, defer);
}

/** `defer` runs the text-back after the answer (next/server `after` in the app, a collector in tests). */
export async function sendTestCall({ orgId, provider, defer }: { orgId: string; provider: Provider; defer: Defer }): Promise<TestCallResult> {
  const target = await findTestTarget({ orgId, provider });
  if (!target) {
    const message = `Add a phone number on ${PROVIDER_LABELS[provider]} to a location first: the test call dials it, and a number only accepts events from its own phone system.`;
    return { ok: false, status: null, message, conversationId: null };
  }
  const from = TEST_CALLERS[provider];
  const secrets = await getOrgSecrets({ orgId });
  if (provider !== "twilio" && !secrets?.[provider].current) {
    return { ok: false, status: null, message: `Turn ${PROVIDER_LABELS[provider]} on first (generate or paste its secret below), then send a test event.`, conversationId: null };
  }
  const { request, externalId } = buildTestRequest(provider, { from, to: target.e164, secrets, env: env() });
  const response = await deliver(provider, request, defer);
  const body = await response.text();
  // The owner is waiting on this page for the outcome: the stored event is processed before reading it.
  if (response.ok) await processInbound();
  const outcome = response.ok ? await findCallOutcome({ orgId, provider, externalId }) : null;
  if (outcome) await nameContactIfUnnamed({ orgId, phone: from, name: TEST_CALLER_NAME });
  return describeTestResult({ status: response.status, body, outcome, locationName: target.locationName });
}
