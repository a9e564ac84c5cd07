// Text-back templates: rendering and the rules a template must follow.
import { OPT_OUT_LINE } from "./default-templates";

export type TemplateValues = { spa: string; location: string; bookingLink: string };

export function renderTemplate(body: string, values: TemplateValues): string {
  // Function replacers: a string replacement would expand `$&`, `$'`, `$$` found in a name or link.
  return body
    .replaceAll("{spa}", () => values.spa)
    .replaceAll("{location}", () => values.location)
    .replaceAll("{booking_link}", () => values.bookingLink)
    .replace(/\s+/g, " ")
    .trim();
}

export type TemplateProblem = "missing_spa_name" | "missing_booking_link" | "missing_opt_out" | "too_long";

/** Why a template cannot be saved: it must name the spa, carry the booking link and the opt-out line. */
export function templateProblems(body: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!body.includes("{spa}")) problems.push("missing_spa_name");
  if (!body.includes("{booking_link}")) problems.push("missing_booking_link");
  if (!/reply stop/i.test(body)) problems.push("missing_opt_out");
  if (body.length > 480) problems.push("too_long");
  return problems;
}

export { OPT_OUT_LINE };
