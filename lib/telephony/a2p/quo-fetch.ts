// Asks Quo's 2026-03-30 API for the workspace's carrier registration: GET /a2p-registration with the
// organization's API key (raw in Authorization, no Bearer) and the version header. That API lives at
// api.quo.com; OPENPHONE_API_BASE, when set (a stand-in), replaces it as it replaces api.openphone.com.
import { env } from "@/lib/env";
import { getProviderJson } from "@/lib/http/provider-get";
import { quoRegistrationSchema, type QuoRegistration } from "./quo-readiness";
import type { Fetched } from "./twilio-readiness";

export const QUO_API_VERSION = "2026-03-30";
const QUO_DEFAULT_V1 = "https://api.openphone.com";
const QUO_HOST = "https://api.quo.com";

export function quoApiBase(): string {
  const base = env().openphoneApiBase;
  return base === QUO_DEFAULT_V1 ? QUO_HOST : base;
}

export async function fetchQuoRegistration(apiKey: string): Promise<Fetched<QuoRegistration>> {
  const answer = await getProviderJson(`${quoApiBase()}/a2p-registration`, { Authorization: apiKey, "Quo-Api-Version": QUO_API_VERSION }, quoRegistrationSchema, "Quo");
  return answer.ok ? { ok: true, value: answer.value.data } : answer;
}
