"use server";

// What a coordinator may change about a contact: kind, blocked, staff number. Each action is a
// public POST endpoint: it re-reads the member and organization, validates with zod, changes the
// row in the member's organization only, and records who did it. The opt-out is not here: only
// the contact can opt back in, by texting START.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { SessionMember } from "@/db/queries/members";
import { contactKind } from "@/db/schema";
import { applyContactChange, type ContactChange } from "@/lib/contacts/change-contact";
import { cancelScheduledFor } from "@/lib/messaging/cancel-scheduled";
import { MEMBERS, runAction } from "@/lib/server/action";

export type ContactActionState = { errors?: { kind?: string[] }; message?: string; savedAt?: number };

const contactIdSchema = z.uuid("This contact does not exist.");
const kindSchema = z.object({ contactId: contactIdSchema, kind: z.enum(contactKind.enumValues, "Choose one of the kinds in the list.") });
const flagSchema = z.object({ contactId: contactIdSchema, value: z.enum(["on", "off"]) });

async function changeContact(member: SessionMember, contactId: string, change: ContactChange): Promise<ContactActionState> {
  const found = await applyContactChange({ orgId: member.orgId, memberId: member.id, contactId }, change);
  if (!found) return { message: "This contact does not exist in your organization." };
  revalidatePath(`/contacts/${contactId}`);
  revalidatePath("/contacts");
  return { savedAt: Date.now() };
}

/** Owners and coordinators; the input's own refusal says what it is, and a failure says the change was not saved. */
const spec = {
  access: MEMBERS,
  log: ["contacts", "update failed"],
  fail: (message: string): ContactActionState => ({ message }),
  unexpected: "The change could not be saved. Try again.",
} as const;
const NOT_UNDERSTOOD: ContactActionState = { message: "That request was not understood. Reload the page and try again." };

export async function updateContactKindAction(_previous: ContactActionState, formData: FormData): Promise<ContactActionState> {
  const value = { contactId: formData.get("contactId"), kind: formData.get("kind") };
  return runAction(
    {
      ...spec,
      input: {
        schema: kindSchema,
        value,
        invalid: ({ fieldErrors }) => (fieldErrors.contactId ? { message: fieldErrors.contactId.join(" ") } : { errors: { kind: fieldErrors.kind } }),
      },
    },
    ({ member, input: { contactId, kind } }) =>
      changeContact(member, contactId, {
        set: { kind },
        event: (before) => (before.kind === kind ? null : { type: "contact_updated", reason: "kind", detail: { field: "kind", from: before.kind, to: kind } }),
      }),
  );
}

export async function setContactBlockedAction(_previous: ContactActionState, formData: FormData): Promise<ContactActionState> {
  const value = { contactId: formData.get("contactId"), value: formData.get("value") };
  return runAction({ ...spec, input: { schema: flagSchema, value, invalid: () => NOT_UNDERSTOOD } }, ({ member, input: { contactId, value } }) => {
    const blocked = value === "on";
    return changeContact(member, contactId, {
      set: { blockedAt: blocked ? new Date() : null },
      event: (before) => ((before.blockedAt !== null) === blocked ? null : { type: blocked ? "contact_blocked" : "contact_unblocked", reason: null, detail: {} }),
      // Blocked: the texts still waiting for this number are cancelled now, not when they fall due.
      then: blocked ? (tx, orgId) => cancelScheduledFor(tx, { orgId, scope: { contactId }, reason: "blocked" }) : undefined,
    });
  });
}

export async function setContactStaffAction(_previous: ContactActionState, formData: FormData): Promise<ContactActionState> {
  const value = { contactId: formData.get("contactId"), value: formData.get("value") };
  return runAction({ ...spec, input: { schema: flagSchema, value, invalid: () => NOT_UNDERSTOOD } }, ({ member, input: { contactId, value } }) => {
    const isStaff = value === "on";
    return changeContact(member, contactId, {
      set: { isStaff },
      event: (before) => (before.isStaff === isStaff ? null : { type: "contact_updated", reason: "is_staff", detail: { field: "isStaff", from: before.isStaff, to: isStaff } }),
    });
  });
}
