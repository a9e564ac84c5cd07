// The phone systems a number can be on (the `telephony_provider` enum), as the owner reads them.
import type { PhoneNumber } from "@/db/schema";

export type Provider = PhoneNumber["provider"];

export const PROVIDER_VALUES = ["twilio", "openphone", "aircall", "generic"] as const satisfies readonly Provider[];

export const PROVIDER_LABELS: Record<Provider, string> = {
  twilio: "Twilio",
  openphone: "OpenPhone / Quo",
  aircall: "Aircall",
  generic: "Other (generic webhook)",
};
