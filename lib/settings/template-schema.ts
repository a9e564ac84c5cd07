// A text-back template as the owner edits it: the engine's rules (templateProblems) turned into
// sentences shown next to the textarea, on the server and live in the browser alike.
import { z } from "zod";
import { DEFAULT_TEMPLATES, OPT_OUT_LINE, type TemplateSituation } from "@/lib/messaging/default-templates";
import { trackedLinkUrl } from "@/lib/links/link-url";
import { templateProblems, type TemplateProblem } from "@/lib/messaging/templates";

export const SITUATIONS = Object.keys(DEFAULT_TEMPLATES) as TemplateSituation[];

export const SITUATION_LABELS: Record<TemplateSituation, { title: string; when: string }> = {
  open: { title: "Open hours", when: "A call is missed while the location is open." },
  after_hours: { title: "After hours", when: "A call comes in while the location is closed." },
  existing_client: { title: "Existing client", when: "A known client calls and is missed, at any hour." },
  follow_up: { title: "Follow-up", when: "The caller has not replied some hours after the first text." },
};

export const PROBLEM_TEXT: Record<TemplateProblem, string> = {
  missing_spa_name: "Add {spa}: the caller must know which spa is texting.",
  missing_booking_link: "Add {booking_link}: every text carries the one-tap booking link.",
  missing_opt_out: `Keep the opt-out line: "${OPT_OUT_LINE}"`,
  too_long: "Keep the template under 480 characters.",
};

/** The link in previews is the one a text carries (same scheme, host and length), with a sample token. */
export function sampleBookingLink(appUrl: string): string {
  return trackedLinkUrl(appUrl, "AbC123xYz9");
}

export function problemMessages(body: string): string[] {
  return templateProblems(body).map((problem) => PROBLEM_TEXT[problem]);
}

export const templateSchema = z
  .object({
    locationId: z.uuid(),
    situation: z.enum(SITUATIONS as [TemplateSituation, ...TemplateSituation[]]),
    body: z.string("Write the text.").trim().min(1, "Write the text."),
  })
  .superRefine((value, ctx) => {
    for (const message of problemMessages(value.body)) ctx.addIssue({ code: "custom", path: ["body"], message });
  });
export type TemplateField = "body";
