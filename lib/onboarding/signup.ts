// A new spa signs up: the organization, its owner, a first location with the default templates, in
// one transaction. Hours, the booking link and the phone number come next, from the checklist.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db/client";
import { insertLocation, insertOrganization, insertTemplates } from "@/db/queries/onboarding";
import { insertMember, memberEmailTaken } from "@/db/queries/team";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_TEMPLATES, type TemplateSituation } from "@/lib/messaging/default-templates";
import { passwordSchema, personNameSchema } from "@/lib/team/schemas";
import { FIRST_LOCATION_NAME, PLACEHOLDER_BOOKING_URL, slugify, timezoneOrDefault } from "./first-location";

export const signupSchema = z.object({
  spaName: z.string().trim().min(2, "Enter the name of your spa.").max(100, "Use at most 100 characters."),
  name: personNameSchema,
  email: z.string().trim().toLowerCase().pipe(z.email("Enter your email address.")),
  password: passwordSchema,
  timezone: z.string().max(64).optional(),
});
export type SignupInput = z.infer<typeof signupSchema>;

export type SignupResult = { ok: true; orgId: string; memberId: string } | { ok: false; field: "email"; message: string };

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

class EmailTaken extends Error {}

export async function signUpOrganization(input: SignupInput): Promise<SignupResult> {
  const db = await getDb();
  if (await memberEmailTaken(db, { email: input.email })) return { ok: false, field: "email", message: EMAIL_TAKEN };
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const orgId = await insertOrgWithFreeSlug(tx, input.spaName);
      // Checked again inside the transaction: the email may have been taken since.
      if (await memberEmailTaken(tx, { email: input.email })) throw new EmailTaken();
      const member = await insertMember(tx, { orgId, email: input.email, name: input.name, role: "owner", passwordHash });
      const locationId = await insertLocation(tx, {
        orgId,
        name: FIRST_LOCATION_NAME,
        timezone: timezoneOrDefault(input.timezone),
        bookingUrl: PLACEHOLDER_BOOKING_URL,
      });
      const situations = Object.keys(DEFAULT_TEMPLATES) as TemplateSituation[];
      await insertTemplates(tx, { locationId, templates: situations.map((situation) => ({ situation, body: DEFAULT_TEMPLATES[situation] })) });
      return { ok: true, orgId, memberId: member.id } as const;
    });
  } catch (error) {
    if (error instanceof EmailTaken) return { ok: false, field: "email", message: EMAIL_TAKEN };
    throw error;
  }
}

async function insertOrgWithFreeSlug(tx: Parameters<typeof insertOrganization>[0], name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const orgId = await insertOrganization(tx, { name, slug });
    if (orgId) return orgId;
  }
  throw new Error(`no free slug for "${base}" after 5 attempts`);
}
