// The organization's registration sample packs, one per location, from its saved templates.
import { getSampleSource } from "@/db/queries/a2p";
import { env } from "@/lib/env";
import { sampleBookingLink } from "@/lib/settings/template-schema";
import { samplePack, type SamplePack } from "./sample-pack";

export type LocationSamples = SamplePack & { locationId: string };

export async function orgSamplePacks(orgId: string): Promise<LocationSamples[]> {
  const source = await getSampleSource({ orgId });
  if (!source) return [];
  const trackedLink = sampleBookingLink(env().appUrl);
  return source.locations.map((location) => ({ locationId: location.id, ...samplePack({ spa: source.spa, location, templates: location.templates, trackedLink }) }));
}

/** GET /texting/samples?location=…: one location's pack as a plain-text download, for owners. */
export function samplesDownload(packs: LocationSamples[], locationId: string | null): Response {
  const pack = packs.find((p) => p.locationId === locationId) ?? (locationId ? undefined : packs[0]);
  if (!pack) return new Response("No such location.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const name = pack.location.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "location";
  return new Response(pack.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="sample-messages-${name.toLowerCase()}.txt"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
