// The registration form's sample messages, per location, written from its real templates: each with
// a copy button, and the whole pack as a plain-text download.
import { CopyButton } from "@/components/settings/integration-copy-button";
import type { LocationSamples } from "@/lib/telephony/a2p/org-samples";

export function SamplePacks({ packs }: { packs: LocationSamples[] }) {
  if (!packs.length) return null;
  return (
    <section aria-labelledby="sample-messages-heading" className="space-y-3">
      <div>
        <h3 id="sample-messages-heading" className="font-medium text-slate-900">
          Sample messages for the registration form
        </h3>
        <p className="text-sm text-slate-600">
          Carriers ask for examples of what you send. These are your own templates, exactly as a caller receives them, with the opt-out line. Paste two or more into the
          campaign&apos;s sample messages.
        </p>
      </div>
      {packs.map((pack) => (
        <div key={pack.locationId} data-testid="sample-pack" className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h4 className="text-sm font-semibold text-slate-800">{pack.location}</h4>
            <span className="flex flex-wrap items-center gap-2">
              <CopyButton value={pack.text} label="Copy all" what={`sample messages for ${pack.location}`} />
              <a
                href={`/texting/samples?location=${encodeURIComponent(pack.locationId)}`}
                download
                className="rounded-md px-2 py-1 text-xs font-semibold text-brand-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
              >
                Download .txt
              </a>
            </span>
          </div>
          <ol className="mt-2 space-y-2">
            {pack.samples.map((sample) => (
              <li key={sample.situation} className="text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="text-xs font-medium text-slate-500">{sample.title}</span>
                  <CopyButton value={sample.text} what={`${sample.title} sample for ${pack.location}`} />
                </div>
                <p className="mt-1 rounded-md bg-slate-50 px-2 py-1.5 break-words whitespace-pre-wrap text-slate-800">{sample.text}</p>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
