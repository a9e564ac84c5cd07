// OpenPhone / Quo through the shared JSON front door (lib/telephony/json-webhook.ts). One route takes
// both webhook generations; the headers say which one signed the request.
import type { ProviderAdapter } from "@/lib/telephony/provider-adapter";
import { openPhoneLineNumber, parseOpenPhoneWebhook } from "./parse";
import { verifyOpenPhoneWebhook } from "./verify";

export const openphoneAdapter: ProviderAdapter = {
  provider: "openphone",
  dialledNumber: openPhoneLineNumber,
  verify: ({ rawBody, headers, secret, now }) => verifyOpenPhoneWebhook({ rawBody, headers, secret, now }),
  parse: parseOpenPhoneWebhook,
};
