import { EmptyState } from "@/components/ui/empty-state";
import { listLocationNumbers } from "@/db/queries/settings";
import { formatPhone } from "@/lib/phone";
import { PROVIDER_LABELS } from "@/lib/settings/providers";
import { LocationNumberForm } from "./location-number-form";
import { LocationRemoveButton } from "./location-remove-button";
import { NumberProof } from "./number-proof";
import { removeNumberAction } from "@/app/(dashboard)/settings/locations/actions";

/**
 * The numbers callers dial to reach this location (a webhook finds the location by them), each with
 * whether its phone system proved it: only a proven number sends texts (lib/telephony/numbers/).
 */
export async function LocationNumbers({ orgId, locationId, timezone }: { orgId: string; locationId: string; timezone: string }) {
  const numbers = await listLocationNumbers({ orgId, locationId });
  return (
    <div className="space-y-4">
      {numbers.length === 0 ? (
        <EmptyState title="No phone numbers">Calls cannot reach this location until a number is added.</EmptyState>
      ) : (
        <ul aria-label="Phone numbers" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {numbers.map((number) => (
            <li key={number.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-slate-900">{formatPhone(number.e164)}</p>
                <p className="text-xs text-slate-500">
                  {PROVIDER_LABELS[number.provider]} · {number.label}
                </p>
              </div>
              <LocationRemoveButton
                action={removeNumberAction}
                locationId={locationId}
                id={number.id}
                label={`Remove ${formatPhone(number.e164)}`}
                confirm={`Remove ${formatPhone(number.e164)}? Calls to it will no longer be matched to this location.`}
              />
              <NumberProof number={number} locationId={locationId} timezone={timezone} />
            </li>
          ))}
        </ul>
      )}
      <LocationNumberForm locationId={locationId} />
    </div>
  );
}
