"use server";

// The location settings forms. Each action re-checks that an owner is signed in (asOwner), parses
// with zod, writes inside the owner's organization only, and answers { errors, message }.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getEnabledCountries } from "@/db/queries/organizations";
import { getNumberById, getSendingNumber } from "@/db/queries/phone-numbers";
import { addLocationNumber, removeLocationClosure, removeLocationNumber, replaceLocationHours, saveLocationClosure, updateLocationSettings } from "@/db/queries/settings";
import { fieldErrors } from "@/lib/form-errors";
import { formFields, type FormState } from "@/lib/settings/form";
import { MAX_SHIFTS_PER_DAY, validateWeek } from "@/lib/settings/hours";
import {
  closureSchema,
  locationColumns,
  locationSettingsSchemaFor,
  phoneNumberSchema,
  tollFraudIssue,
  type ClosureField,
  type LocationSettingsField,
  type PhoneNumberField,
} from "@/lib/settings/location-schema";
import { numberInUseMessage } from "@/lib/settings/number-in-use";
import { asOwner } from "@/lib/settings/owner-action";
import { recordTollFraudRefusal } from "@/lib/security/toll-fraud";
import { proveNumber } from "@/lib/telephony/numbers/prove-number";

const GONE = "This location no longer exists. Reload the page.";
const idSchema = z.uuid();

function revalidateLocation(locationId: string): void {
  revalidatePath(`/settings/locations/${locationId}`);
  revalidatePath("/settings/locations");
}

export async function saveLocationAction(_previous: FormState<LocationSettingsField>, formData: FormData): Promise<FormState<LocationSettingsField>> {
  return asOwner(async (member) => {
    const values = formFields(formData);
    const locationId = idSchema.safeParse(values.locationId);
    if (!locationId.success) return { message: GONE };
    const enabledCountries = await getEnabledCountries({ orgId: member.orgId });
    const parsed = locationSettingsSchemaFor(enabledCountries).safeParse(values);
    if (!parsed.success) {
      // A premium-rate or out-of-country forwarding number is toll fraud (or a mistake): logged either way.
      const tollFraud = tollFraudIssue(parsed.error);
      if (tollFraud) {
        // No location id on the event: the form's id is not checked against the organization yet.
        await recordTollFraudRefusal({ orgId: member.orgId, use: "forwarding", kind: tollFraud.reason, number: tollFraud.number, where: "settings" });
      }
      return { errors: fieldErrors(parsed.error), values, message: "Not saved: check the fields marked in red." };
    }
    const saved = await updateLocationSettings({ orgId: member.orgId, locationId: locationId.data, values: locationColumns(parsed.data) });
    if (!saved) return { message: GONE };
    revalidateLocation(locationId.data);
    return { savedAt: Date.now() };
  });
}

export async function addNumberAction(_previous: FormState<PhoneNumberField>, formData: FormData): Promise<FormState<PhoneNumberField>> {
  return asOwner(async (member) => {
    const values = formFields(formData);
    const parsed = phoneNumberSchema.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
    const { locationId, number, provider, label } = parsed.data;
    const result = await addLocationNumber({ orgId: member.orgId, locationId, e164: number, provider, label });
    if (!result.ok) {
      return result.reason === "in_use" ? { errors: { number: [numberInUseMessage(result.owner, locationId)] }, values } : { message: GONE };
    }
    // Proven at once, so the owner sees in the list whether it can text (and why not) before any call comes.
    const added = await getSendingNumber({ orgId: member.orgId, e164: number });
    if (added) await proveNumber(added);
    revalidateLocation(locationId);
    return { savedAt: Date.now() };
  });
}

const removeSchema = z.object({ locationId: z.uuid(), id: z.uuid() });

export async function removeNumberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return asOwner(async (member) => {
    const parsed = removeSchema.safeParse(formFields(formData));
    if (!parsed.success) return { message: "That number is already gone. Reload the page." };
    const removed = await removeLocationNumber({ orgId: member.orgId, locationId: parsed.data.locationId, numberId: parsed.data.id });
    revalidateLocation(parsed.data.locationId);
    return removed ? { savedAt: Date.now() } : { message: "That number is already gone. Reload the page." };
  });
}

/** "Check again": asks the number's phone system now (an owner who just fixed the account need not wait a day). */
export async function checkNumberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return asOwner(async (member) => {
    const parsed = removeSchema.safeParse(formFields(formData));
    const number = parsed.success ? await getNumberById({ orgId: member.orgId, id: parsed.data.id }) : null;
    if (!parsed.success || !number || number.locationId !== parsed.data.locationId) return { message: "That number is gone. Reload the page." };
    await proveNumber(number);
    revalidateLocation(parsed.data.locationId);
    return { savedAt: Date.now() };
  });
}

const hoursSchema = z.object({
  locationId: z.uuid(),
  shifts: z.array(z.object({ weekday: z.int().min(0).max(6), opens: z.string().max(5), closes: z.string().max(5) })).max(7 * MAX_SHIFTS_PER_DAY + 7),
});

function parseJson(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** Errors come back keyed `weekday-<0..6>`, so each shows next to its day. */
export async function saveHoursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return asOwner(async (member) => {
    const values = formFields(formData);
    const parsed = hoursSchema.safeParse({ locationId: values.locationId, shifts: parseJson(values.shifts) });
    if (!parsed.success) return { message: "The hours could not be read. Reload the page and try again." };
    const week = validateWeek(parsed.data.shifts);
    if (!week.ok) {
      const errors = Object.fromEntries(Object.entries(week.errors).map(([weekday, messages]) => [`weekday-${weekday}`, messages ?? []]));
      return { errors, message: "Not saved: fix the days marked in red." };
    }
    const saved = await replaceLocationHours({ orgId: member.orgId, locationId: parsed.data.locationId, shifts: week.shifts });
    if (!saved) return { message: GONE };
    revalidateLocation(parsed.data.locationId);
    return { savedAt: Date.now() };
  });
}

export async function saveClosureAction(_previous: FormState<ClosureField>, formData: FormData): Promise<FormState<ClosureField>> {
  return asOwner(async (member) => {
    const values = formFields(formData);
    const parsed = closureSchema.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
    const closure = parsed.data;
    const saved = await saveLocationClosure({ orgId: member.orgId, ...closure });
    if (!saved) return { message: GONE };
    revalidateLocation(closure.locationId);
    return { savedAt: Date.now() };
  });
}

export async function removeClosureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return asOwner(async (member) => {
    const parsed = removeSchema.safeParse(formFields(formData));
    if (!parsed.success) return { message: "That day is already gone. Reload the page." };
    const removed = await removeLocationClosure({ orgId: member.orgId, locationId: parsed.data.locationId, closureId: parsed.data.id });
    revalidateLocation(parsed.data.locationId);
    return removed ? { savedAt: Date.now() } : { message: "That day is already gone. Reload the page." };
  });
}
