import { getOrganizationSettings, listLocationTemplates } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { DEFAULT_TEMPLATES } from "@/lib/messaging/default-templates";
import { sampleBookingLink, SITUATION_LABELS, SITUATIONS } from "@/lib/settings/template-schema";
import { TemplateEditor } from "./template-editor";

/** A location's four templates; a situation never saved shows (and sends) the default text. */
export async function TemplateList({ orgId, location }: { orgId: string; location: { id: string; name: string } }) {
  const [org, saved] = await Promise.all([getOrganizationSettings({ orgId }), listLocationTemplates({ orgId, locationId: location.id })]);
  const bodies = new Map(saved.map((t) => [t.situation, t.body]));
  const sample = { spa: org?.name ?? "", location: location.name, bookingLink: sampleBookingLink(env().appUrl) };
  return (
    <div className="space-y-6">
      {SITUATIONS.map((situation) => (
        <TemplateEditor
          key={`${location.id}-${situation}`}
          locationId={location.id}
          situation={situation}
          title={SITUATION_LABELS[situation].title}
          when={SITUATION_LABELS[situation].when}
          saved={bodies.get(situation) ?? DEFAULT_TEMPLATES[situation]}
          defaultBody={DEFAULT_TEMPLATES[situation]}
          sample={sample}
        />
      ))}
    </div>
  );
}
