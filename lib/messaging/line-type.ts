// Twilio Lookup v2 line type intelligence (docs/provider-formats.md#twilio-lookup), cached on the contact.
import type { Contact } from "@/db/schema";
import type { TwilioClient } from "./twilio-client";
import { describeError } from "@/lib/log";

export type LineType = NonNullable<Contact["lineType"]>;

/** Twilio's `type` → ours. Landlines and toll-free numbers cannot receive our texts (lib/intake/policy/line-types.ts). */
export function lineTypeOf(twilioType: string | null | undefined): LineType {
  switch (twilioType) {
    case "mobile":
      return "mobile";
    case "landline":
      return "landline";
    case "fixedVoip":
    case "nonFixedVoip":
      return "voip";
    case "tollFree":
      return "toll_free";
    default:
      return "unknown";
  }
}

/** Looks the number up; null when Lookup fails (the text then goes out: a failed lookup never blocks it). */
export async function lookupLineType(client: TwilioClient, e164: string): Promise<LineType | null> {
  try {
    const result = await client.lookups.v2.phoneNumbers(e164).fetch({ fields: "line_type_intelligence" });
    const intelligence = result.lineTypeIntelligence as { type?: string } | null;
    return result.valid === false ? "unknown" : lineTypeOf(intelligence?.type);
  } catch (error) {
    console.warn(`[lookup] line type of ${e164.slice(0, -4)}**** failed; sending anyway: ${describeError(error)}`);
    return null;
  }
}
