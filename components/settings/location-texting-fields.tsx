"use client";

import { useState } from "react";
import type { LocationFormValues, LocationSettingsField } from "@/lib/settings/location-schema";
import { CheckboxField, FieldGroup, InputField } from "./location-fields";

type Errors = Partial<Record<LocationSettingsField, string[]>>;

/** The automatic-text rules of a location: timing, follow-up, quiet hours and the spam rule. */
export function LocationTextingFields({ initial, values, errors }: { initial: LocationFormValues; values?: Record<string, string>; errors: Errors }) {
  const typed = (field: Exclude<LocationSettingsField, "textShortAbandoned" | "followUpEnabled">) => values?.[field] ?? initial[field];
  const checked = (field: "textShortAbandoned" | "followUpEnabled") => (values ? values[field] === "on" : initial[field]);
  const [followUp, setFollowUp] = useState(checked("followUpEnabled"));

  return (
    <>
      <FieldGroup title="Automatic texts" description="When a missed call gets its text-back.">
        <InputField
          name="autoTextWindowHours"
          label="One automatic text per caller every"
          hint="A caller who calls again within this window is not texted twice."
          type="number"
          inputMode="numeric"
          min={1}
          max={168}
          suffix="hours"
          className="max-w-28"
          defaultValue={typed("autoTextWindowHours")}
          errors={errors.autoTextWindowHours}
        />
        <InputField
          name="sendDelaySeconds"
          label="Wait before texting"
          hint="Gives the desk a moment to call back first (0–600)."
          type="number"
          inputMode="numeric"
          min={0}
          max={600}
          suffix="seconds"
          className="max-w-28"
          defaultValue={typed("sendDelaySeconds")}
          errors={errors.sendDelaySeconds}
        />
        <div className="sm:col-span-2">
          <CheckboxField
            name="textShortAbandoned"
            label="Text callers who hang up within seconds"
            hint="Off: a call abandoned after a ring or two is treated as a likely misdial."
            defaultChecked={checked("textShortAbandoned")}
          />
        </div>
        <div className="space-y-3 sm:col-span-2">
          <CheckboxField name="followUpEnabled" label="Send one follow-up when the caller has not replied" defaultChecked={followUp} onChange={setFollowUp} />
          {followUp ? (
            <InputField
              name="followUpAfterHours"
              label="Follow up after"
              type="number"
              inputMode="numeric"
              min={1}
              max={72}
              suffix="hours"
              className="max-w-28"
              defaultValue={typed("followUpAfterHours")}
              errors={errors.followUpAfterHours}
            />
          ) : (
            <input type="hidden" name="followUpAfterHours" value={typed("followUpAfterHours")} />
          )}
        </div>
        <InputField
          name="quietStart"
          label="Quiet hours start"
          hint="No automatic text in the caller's local night."
          type="time"
          className="max-w-36"
          defaultValue={typed("quietStart")}
          errors={errors.quietStart}
        />
        <InputField
          name="quietEnd"
          label="Quiet hours end"
          hint="The same start and end time turns quiet hours off."
          type="time"
          className="max-w-36"
          defaultValue={typed("quietEnd")}
          errors={errors.quietEnd}
        />
      </FieldGroup>

      <FieldGroup title="Spam rule" description="A number that keeps calling for a few seconds without leaving a voicemail is treated as a robocaller and not texted.">
        <InputField
          name="spamShortCallCount"
          label="Calls within 24 hours"
          type="number"
          inputMode="numeric"
          min={2}
          max={20}
          suffix="calls"
          className="max-w-28"
          defaultValue={typed("spamShortCallCount")}
          errors={errors.spamShortCallCount}
        />
        <InputField
          name="spamShortCallSeconds"
          label="Each shorter than"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          suffix="seconds"
          className="max-w-28"
          defaultValue={typed("spamShortCallSeconds")}
          errors={errors.spamShortCallSeconds}
        />
      </FieldGroup>
    </>
  );
}
