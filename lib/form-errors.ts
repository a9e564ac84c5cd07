// The one way a zod refusal becomes what a form shows: zod 4's z.flattenError, one list of messages
// per field (the first key of each issue's path) and one list for the form as a whole. Server actions
// get it from lib/server/action.ts; client forms and tests call it directly.
import { z } from "zod";

/** Messages next to each field, keyed by field name. */
export type FieldErrors = Partial<Record<string, string[]>>;
/** A refusal, flattened: messages for the whole input (a schema that is not an object, or a check on several fields) and per field. */
export type FlatErrors = { formErrors: string[]; fieldErrors: FieldErrors };

export function flattenErrors(error: z.ZodError): FlatErrors {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return { formErrors, fieldErrors: fieldErrors as FieldErrors };
}

/** Just the per-field messages of a refusal. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  return flattenErrors(error).fieldErrors;
}
