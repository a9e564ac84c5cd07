// The Twilio Messaging v1 answers the readiness check reads (host messaging.twilio.com), parsed with
// zod. Field names and enums from twilio/twilio-oai spec/json/twilio_messaging_v1.json
// (docs/provider-formats.md#twilio-a2p-10dlc). Every field is nullable in the spec; unknown enum
// values are kept as strings (Twilio adds states) and mapped to "unknown" rather than refused.
import { z } from "zod";

/**
 * `errors[]` items are untyped in the spec (`items: {}`). Twilio's troubleshooting guides show
 * objects with a code, a description and the fields at fault; older answers carried plain strings.
 * Both are accepted and turned into one line of text each.
 */
const twilioErrorItem = z.union([
  z.string(),
  z
    .object({
      code: z.union([z.number(), z.string()]).nullish(),
      description: z.string().nullish(),
      message: z.string().nullish(),
      fields: z.array(z.string()).nullish(),
    })
    .loose(),
]);
export type TwilioErrorItem = z.infer<typeof twilioErrorItem>;
const errorList = z.array(twilioErrorItem).nullish();

/** GET /v1/Services/{Sid} (FetchService): only the flag the card shows. */
export const twilioServiceSchema = z.object({ sid: z.string().nullish(), us_app_to_person_registered: z.boolean().nullish() }).loose();
export type TwilioService = z.infer<typeof twilioServiceSchema>;

/** GET /v1/Services/{Sid}/PhoneNumbers (ListPhoneNumber): `phone_numbers[]` with `meta` paging. */
export const twilioServiceNumbersSchema = z
  .object({
    phone_numbers: z.array(z.object({ sid: z.string().nullish(), phone_number: z.string().nullish() }).loose()),
    meta: z.object({ next_page_url: z.string().nullish() }).loose().nullish(),
  })
  .loose();

/** One us_app_to_person resource (the campaign), as listed by GET /v1/Services/{MG}/Compliance/Usa2p. */
export const twilioCampaignSchema = z
  .object({
    sid: z.string().nullish(),
    campaign_status: z.string().nullish(),
    brand_registration_sid: z.string().nullish(),
    campaign_id: z.string().nullish(),
    mock: z.boolean().nullish(),
    errors: errorList,
  })
  .loose();
export type TwilioCampaign = z.infer<typeof twilioCampaignSchema>;

/** ListUsAppToPerson: `compliance[]` (a Messaging Service has at most one campaign). */
export const twilioCampaignListSchema = z.object({ compliance: z.array(twilioCampaignSchema) }).loose();

/** GET /v1/a2p/BrandRegistrations/{BN…} (FetchBrandRegistrations). `failure_reason` is deprecated but still sent. */
export const twilioBrandSchema = z
  .object({
    sid: z.string().nullish(),
    status: z.string().nullish(),
    identity_status: z.string().nullish(),
    failure_reason: z.string().nullish(),
    mock: z.boolean().nullish(),
    errors: errorList,
  })
  .loose();
export type TwilioBrand = z.infer<typeof twilioBrandSchema>;

/** One error item as a line an owner can read: "30794: Invalid message flow (fields: MESSAGE_FLOW)". */
export function twilioErrorText(item: TwilioErrorItem): string {
  if (typeof item === "string") return item;
  const text = item.description ?? item.message ?? "Twilio gave no description";
  const code = item.code === null || item.code === undefined ? "" : `${item.code}: `;
  const fields = item.fields?.length ? ` (fields: ${item.fields.join(", ")})` : "";
  return `${code}${text}${fields}`;
}
