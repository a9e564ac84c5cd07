// A new spa signs up: the organization, its owner, a first location with the default templates, in
// one transaction. Hours, the booking link and the phone number come next, from the checklist; no
// booking value is assumed (the treatment menu starts without values).
//
// Signup must not say whether an email is already a Rebound customer's. Rebound sends no mail yet,
// so it cannot answer every signup with "check your email" and let the link prove ownership; what it
// does instead: an email in use gets one generic answer (not tied to the email field, the same words
// as any other refusal of the form), the password is hashed before the check so a taken email does
// not answer faster, and signups are limited per address (lib/auth/attempt-limit.ts). What remains:
// a free email ends in a new, signed-in spa, which shows it was free (see docs/security-auth.md).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { transaction, type Executor } from "@/db/client";
import { insertLocation, insertOrganization, insertTemplates } from "@/db/queries/onboarding";
import { insertMember, memberEmailTaken } from "@/db/queries/team";
import { takeAttempt } from "@/lib/auth/attempt-limit";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_TEMPLATES, type TemplateSituation } from "@/lib/messaging/default-templates";
import { passwordSchema, personNameSchema } from "@/lib/team/schemas";
import { FIRST_LOCATION_NAME, slugify, timezoneOrDefault } from "./first-location";

export const signupSchema = z.object({
  spaName: z.string().trim().min(2, "Enter the name of your spa.").max(100, "Use at most 100 characters."),
  name: personNameSchema,
  email: z.string().trim().toLowerCase().pipe(z.email("Enter your email address.")),
  password: passwordSchema,
  timezone: z.string().max(64).optional(),
});
export type SignupInput = z.infer<typeof signupSchema>;

export type SignupResult = { ok: true; orgId: string; memberId: string } | { ok: false; reason: "refused" | "rate_limited"; message: string };

/** The one answer for an email already in use; it says nothing about whom the email belongs to. */
export const SIGNUP_REFUSED = "We could not create a spa with these details. If you already use Rebound, sign in instead; to join a spa's team, ask its owner for an invitation.";

class EmailTaken extends Error {}

/** `ip`: the client's address (lib/http/client-address.ts), for the per-address signup limit. */
export async function signUpOrganization(input: SignupInput, context: { ip: string | null; now?: Date }): Promise<SignupResult> {
  const verdict = await takeAttempt({ action: "signup", email: input.email, ip: context.ip, now: context.now });
  if (!verdict.ok) return { ok: false, reason: "rate_limited", message: verdict.message };
  // Hashed first, whether or not the email is free: a taken email must not answer faster.
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      const orgId = await insertOrgWithFreeSlug(tx, input.spaName);
      // Checked inside the transaction, so an email taken a moment ago is refused too.
      if (await memberEmailTaken({ email: input.email }, tx)) throw new EmailTaken();
      const member = await insertMember({ orgId, email: input.email, name: input.name, role: "owner", passwordHash }, tx);
      const locationId = await insertLocation(
        {
          orgId,
          name: FIRST_LOCATION_NAME,
          timezone: timezoneOrDefault(input.timezone),
          // No booking link until the owner enters theirs: a placeholder would go out in real texts.
          bookingUrl: null,
        },
        tx,
      );
      const situations = Object.keys(DEFAULT_TEMPLATES) as TemplateSituation[];
      await insertTemplates({ locationId, templates: situations.map((situation) => ({ situation, body: DEFAULT_TEMPLATES[situation] })) }, tx);
      return { ok: true, orgId, memberId: member.id } as const;
    });
  } catch (error) {
    if (error instanceof EmailTaken) return { ok: false, reason: "refused", message: SIGNUP_REFUSED };
    throw error;
  }
}

async function insertOrgWithFreeSlug(tx: Executor, name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const orgId = await insertOrganization({ name, slug }, tx);
    if (orgId) return orgId;
  }
  throw new Error(`no free slug for "${base}" after 5 attempts`);
}
