"use server";

// Saving the treatment menu: an owner only; the whole menu in one save, errors next to each line.
import { revalidatePath } from "next/cache";
import { replaceTreatments } from "@/db/queries/treatments";
import { treatmentMenuSchema } from "@/lib/bookings/treatments";
import { formFields, type FormState } from "@/lib/settings/form";
import { asOwner } from "@/lib/settings/owner-action";

function parseJson(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** Errors come back keyed `line-<index>-name` / `line-<index>-value`, so each shows on its line. */
export async function saveTreatmentsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return asOwner(async (member) => {
    const parsed = treatmentMenuSchema.safeParse(parseJson(formFields(formData).menu));
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const [index, field] = issue.path;
        if (typeof index !== "number" || (field !== "name" && field !== "value")) return { message: issue.message };
        (errors[`line-${index}-${field}`] ??= []).push(issue.message);
      }
      return { errors, message: "Not saved: fix the lines marked in red." };
    }
    await replaceTreatments({ orgId: member.orgId, rows: parsed.data });
    revalidatePath("/settings/treatments");
    return { savedAt: Date.now() };
  });
}
