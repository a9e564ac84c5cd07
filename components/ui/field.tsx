import { FieldError } from "./field-error";

/**
 * A labelled form field with its error next to it (screen readers hear the error with the field).
 * Pass the input as the child; give it `id={name}` and `aria-describedby={describedBy(name, errors)}`.
 */
export function Field({ name, label, hint, errors, children }: { name: string; label: string; hint?: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <div className="mt-1">{children}</div>
      <FieldError id={`${name}-error`} messages={errors} />
    </div>
  );
}

export function describedBy(name: string, errors?: string[], hint?: boolean): string | undefined {
  const ids = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-[invalid=true]:border-red-400";
