import { FieldError } from "@/components/ui/field-error";

/** The countries an organization texts: one checkbox per country the operator allows. */
export function TextCountriesField({ allowed, checked, errors }: { allowed: { code: string; name: string }[]; checked: string[]; errors?: string[] }) {
  return (
    <fieldset aria-describedby={["enabledCountries-hint", errors?.length ? "enabledCountries-error" : null].filter(Boolean).join(" ")}>
      <legend className="text-sm font-medium text-slate-700">Countries Rebound texts</legend>
      <p id="enabledCountries-hint" className="text-xs text-slate-500">
        Texts go only to numbers in the countries ticked here; any other text is not sent and says why in the conversation. Numbers starting +1 in the Caribbean (809 Dominican
        Republic, 876 Jamaica…) are other countries, not the US.
      </p>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {allowed.map(({ code, name }) => (
          <label key={code} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="enabledCountries"
              value={code}
              defaultChecked={checked.includes(code)}
              className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
            />
            {name}
          </label>
        ))}
      </div>
      <FieldError id="enabledCountries-error" messages={errors} />
    </fieldset>
  );
}
