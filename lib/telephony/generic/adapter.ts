// The generic phone-system webhook as a JSON provider of the shared front door
// (lib/telephony/json-webhook.ts).
import type { ProviderAdapter } from "@/lib/telephony/provider-adapter";
import { genericDialledNumber, parseGenericWebhook } from "./parse";
import { verifyGenericSignature } from "./verify";

export const genericAdapter: ProviderAdapter = {
  provider: "generic",
  dialledNumber: genericDialledNumber,
  verify: ({ rawBody, headers, secret, now }) => verifyGenericSignature({ rawBody, headers, secret, now }),
  parse: (body) => parseGenericWebhook(body),
};
