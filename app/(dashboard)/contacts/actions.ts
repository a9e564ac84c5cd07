"use server";

// What a coordinator may change about a contact: kind, blocked, staff number. Each action is a
// public POST endpoint: it re-reads the member and organization, validates with zod, changes the
// row in the member's organization only, and records who did it. The opt-out is not here: only
// the contact can opt back in, by texting START.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { contactKind } from "@/db/schema";
import { requireMember, type Role } from "@/lib/auth/session";
import { applyContactChange, type ContactChange } from "@/lib/contacts/change-contact";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { cancelScheduledFor } from "@/lib/messaging/cancel-scheduled";

export type ContactActionState = { errors?: { kind?: string[] }; message?: string; savedAt?: number };

const contactIdSchema = z.uuid("This contact does not exist.");
const kindSchema = z.object({ contactId: contactIdSchema, kind: z.enum(contactKind.enumValues, "Choose one of the kinds in the list.") });
const flagSchema = z.object({ contactId: contactIdSchema, value: z.enum(["on", "off"]) });

const EDITORS: readonly Role[] = ["owner", "coordinator"];

async function changeContact(contactId: string, change: ContactChange): Promise<ContactActionState> {
  const member = await requireMember(EDITORS);
  const found = await applyContactChange({ orgId: member.orgId, memberId: member.id, contactId }, change);
  if (!found) return { message: "This contact does not exist in your organization." };
  revalidatePath(`/contacts/${contactId}`);
  revalidatePath("/contacts");
  return { savedAt: Date.now() };
}

async function run(action: () => Promise<ContactActionState>): Promise<ContactActionState> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    logError("contacts", error, "update failed");
    return { message: "The change could not be saved. Try again." };
  }
}

export async function updateContactKindAction(_previous: ContactActionState, formData: FormData): Promise<ContactActionState> {
  return run(async () => {
    const parsed = kindSchema.safeParse({ contactId: formData.get("contactId"), kind: formData.get("kind") });
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors;
      return fields.contactId ? { message: fields.contactId.join(" ") } : { errors: { kind: fields.kind } };
    }
    const { contactId, kind } = parsed.data;
    return changeContact(contactId, {
      set: { kind },
      event: (before) => (before.kind === kind ? null : { type: "contact_updated", reason: "kind", detail: { field: "kind", from: before.kind, to: kind } }),
    });
  });
}

export async function setContactBlockedAction(_previous: ContactActionState, formData: FormData): Promise<ContactActionState> {
  return run(async () => {
    const parsed = flagSchema.safeParse({ contactId: formData.get("contactId"), value: formData.get("value") });
    if (!parsed.success) return { message: "That request was not understood. Reload the page and try again." };
    const { contactId, value } = parsed.data;
    const blocked = value === "on";
    return changeContact(contactId, {
      set: { blockedAt: blocked ? new Date() : null },
      event: (before) => ((before.blockedAt !== null) === blocked ? null : { type: blocked ? "contact_blocked" : "contact_unblocked", reason: null, detail: {} }),
      // Blocked: the texts still waiting for this number are cancelled now, not when they fall due.
      then: blocked ? (tx, orgId) => cancelScheduledFor(tx, { orgId, scope: { contactId }, reason: "blocked" }) : undefined,
    });
  });
}

export async function setContactStaffAction(_previous: ContactActionState, formData: FormData): Promise<ContactActionState> {
  return run(async () => {
    const parsed = flagSchema.safeParse({ contactId: formData.get("contactId"), value: formData.get("value") });
    if (!parsed.success) return { message: "That request was not understood. Reload the page and try again." };
    const { contactId, value } = parsed.data;
    const isStaff = value === "on";
    return changeContact(contactId, {
      set: { isStaff },
      event: (before) => (before.isStaff === isStaff ? null : { type: "contact_updated", reason: "is_staff", detail: { field: "isStaff", from: before.isStaff, to: isStaff } }),
    });
  });
}
