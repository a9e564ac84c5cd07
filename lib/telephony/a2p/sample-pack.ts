// The sample messages a carrier registration form asks for (Twilio's campaign takes two to five,
// 20–1,024 characters each: twilio-oai `message_samples`), written from the location's real
// templates exactly as a caller would receive them: the spa's name, the tracked booking link Rebound
// sends, the opt-out line. Pure; the page supplies the saved templates and the link.
import { DEFAULT_TEMPLATES, OPT_OUT_LINE, type TemplateSituation } from "@/lib/messaging/default-templates";
import { renderTemplate } from "@/lib/messaging/templates";
import { SITUATION_LABELS, SITUATIONS } from "@/lib/settings/template-schema";

export type SampleMessage = { situation: TemplateSituation; title: string; text: string };
export type SamplePack = { location: string; samples: SampleMessage[]; optOut: string; text: string };

type Input = {
  spa: string;
  location: { name: string; bookingUrl: string | null };
  /** The location's saved templates; a situation never saved sends (and so samples) the default. */
  templates: Map<TemplateSituation, string>;
  /** The link a text carries (the tracked link that opens the booking page). */
  trackedLink: string;
};

/** Carriers reject samples without the opt-out line; a template saved before that rule still gets it. */
function withOptOut(text: string): string {
  return /reply stop/i.test(text) ? text : `${text} ${OPT_OUT_LINE}`;
}

export function samplePack({ spa, location, templates, trackedLink }: Input): SamplePack {
  const samples = SITUATIONS.map((situation) => ({
    situation,
    title: SITUATION_LABELS[situation].title,
    text: withOptOut(renderTemplate(templates.get(situation) ?? DEFAULT_TEMPLATES[situation], { spa, location: location.name, bookingLink: trackedLink })),
  }));
  const linkNote = location.bookingUrl
    ? `Links in these samples are the tracked link Rebound sends; it opens ${location.bookingUrl}.`
    : "This location has no booking link yet: set one before registering.";
  const text = [
    `Sample messages for ${spa} (${location.name})`,
    "Missed-call text-backs: sent once to a person who just called this number and was not answered, to offer a callback or a booking.",
    linkNote,
    "",
    ...samples.flatMap((s, i) => [`Sample ${i + 1} (${s.title}):`, s.text, ""]),
    `Opt-out: every message ends with "${OPT_OUT_LINE}"; STOP, QUIT, END, REVOKE, OPT OUT, CANCEL or UNSUBSCRIBE (and other plain requests to stop) stop all texts; HELP gets a help reply.`,
    "",
  ].join("\n");
  return { location: location.name, samples, optOut: OPT_OUT_LINE, text };
}
