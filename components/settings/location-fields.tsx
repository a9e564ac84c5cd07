import type { InputHTMLAttributes } from "react";
import { describedBy, Field, inputClass } from "@/components/ui/field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  name: string;
  /** The element id when the page has another field of the same name; defaults to the name. */
  id?: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** Text after the input, e.g. a unit ("seconds"). */
  suffix?: string;
};

/** A labelled input whose error and hint are read with it. */
export function InputField({ name, id = name, label, hint, errors, suffix, className = "", ...input }: InputProps) {
  return (
    <Field name={id} label={label} hint={hint} errors={errors}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={describedBy(id, errors, Boolean(hint))}
          className={`${inputClass} ${className}`}
          {...input}
        />
        {suffix ? <span className="shrink-0 text-sm text-slate-600">{suffix}</span> : null}
      </div>
    </Field>
  );
}

/** A checkbox with its label beside it and an optional line of explanation. */
export function CheckboxField({
  name,
  label,
  hint,
  defaultChecked,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultChecked: boolean;
  onChange?: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={name}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        onChange={onChange ? (event) => onChange(event.target.checked) : undefined}
        aria-describedby={hint ? `${name}-hint` : undefined}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
      />
      <div>
        <label htmlFor={name} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        {hint ? (
          <p id={`${name}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A titled group of fields inside a settings form. */
export function FieldGroup({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-slate-200 pt-5 first-of-type:border-t-0 first-of-type:pt-0">
      <legend className="float-left mb-1 w-full">
        <span className="text-sm font-semibold text-slate-900">{title}</span>
        {description ? <span className="mt-0.5 block text-xs text-slate-500">{description}</span> : null}
      </legend>
      <div className="clear-both grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
