"use server";

// Saving a text-back template: an owner only, and never a template the engine would refuse
// (missing {spa}, {booking_link} or the opt-out line), whatever the browser let through.
import { revalidatePath } from "next/cache";
import { saveLocationTemplate } from "@/db/queries/settings";
import { fieldErrors } from "@/lib/form-errors";
import { formFields, type FormState } from "@/lib/settings/form";
import { asOwner } from "@/lib/settings/owner-action";
import { templateSchema, type TemplateField } from "@/lib/settings/template-schema";

export async function saveTemplateAction(_previous: FormState<TemplateField>, formData: FormData): Promise<FormState<TemplateField>> {
  return asOwner(async (member) => {
    const values = formFields(formData);
    const parsed = templateSchema.safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      return errors.body
        ? { errors: { body: errors.body }, values, message: "Not saved: fix the template first." }
        : { message: "This template could not be read. Reload the page." };
    }
    const saved = await saveLocationTemplate({ orgId: member.orgId, ...parsed.data });
    if (!saved) return { message: "This location no longer exists. Reload the page." };
    revalidatePath("/settings/templates");
    return { savedAt: Date.now() };
  });
}
