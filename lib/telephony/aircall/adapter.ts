// Aircall as a JSON provider of the shared webhook front door (lib/telephony/json-webhook.ts).
import type { ProviderAdapter } from "@/lib/telephony/provider-adapter";
import { aircallDialledNumber, parseAircallWebhook } from "./parse";
import { verifyAircallToken } from "./verify";

export const aircallAdapter: ProviderAdapter = {
  provider: "aircall",
  dialledNumber: aircallDialledNumber,
  verify: ({ body, secret }) => verifyAircallToken({ body, token: secret }),
  parse: parseAircallWebhook,
};
