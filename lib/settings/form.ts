// What every settings form sends back to its `useActionState`: errors next to the fields, one
// sentence for the whole form, and when it was saved (so the client can say "Saved").
import { z } from "zod";

export type FormState<Field extends string = string> = {
  errors?: Partial<Record<Field, string[]>>;
  message?: string;
  savedAt?: number;
  /** What was typed, sent back with errors so the form shows it again instead of the saved values. */
  values?: Record<string, string>;
};

/** The form's fields as strings (files, repeated keys and React's own `$ACTION_` fields are not used). */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  return fields;
}

/** A whole number typed in a form field, within bounds; one message for every way it can be wrong. */
export function wholeNumber(min: number, max: number, message: string) {
  return z
    .string(message)
    .trim()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

/** A checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");
