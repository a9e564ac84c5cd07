"use client";

import { useActionState, useState } from "react";
import { saveTemplateAction } from "@/app/(dashboard)/settings/templates/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/field";
import type { TemplateSituation } from "@/lib/messaging/default-templates";
import { renderTemplate, type TemplateValues } from "@/lib/messaging/templates";
import type { FormState } from "@/lib/settings/form";
import { problemMessages, type TemplateField } from "@/lib/settings/template-schema";
import { FormStatus, SaveButton } from "./org-form-status";
import { TemplateCounter } from "./template-counter";

type Props = {
  locationId: string;
  situation: TemplateSituation;
  title: string;
  when: string;
  saved: string;
  defaultBody: string;
  sample: TemplateValues;
};

/** One template: the text, a live preview of what the caller receives, its cost, and the rules it breaks. */
export function TemplateEditor({ locationId, situation, title, when, saved, defaultBody, sample }: Props) {
  const [state, formAction, pending] = useActionState<FormState<TemplateField>, FormData>(saveTemplateAction, {});
  const [body, setBody] = useState(saved);
  const [note, setNote] = useState("");
  const id = `template-${situation}`;
  const problems = body.trim() ? problemMessages(body) : ["Write the text."];
  const preview = renderTemplate(body, sample);

  return (
    <form
      action={formAction}
      onSubmit={() => setNote("")}
      noValidate
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      data-testid={id}
    >
      <input type="hidden" name="locationId" value={locationId} />
      <input type="hidden" name="situation" value={situation} />
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {body !== saved ? <Badge tone="amber">Unsaved changes</Badge> : saved === defaultBody ? <Badge>Default</Badge> : <Badge tone="brand">Customised</Badge>}
      </div>
      <p className="mt-0.5 text-sm text-slate-600">{when}</p>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-700">
            {title} text
          </label>
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            Placeholders: {"{spa}"}, {"{location}"}, {"{booking_link}"}. End with the opt-out line.
          </p>
          <textarea
            id={id}
            name="body"
            rows={6}
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              setNote("");
            }}
            aria-invalid={problems.length > 0}
            aria-describedby={[`${id}-hint`, problems.length ? `${id}-error` : null, `${id}-count`].filter(Boolean).join(" ")}
            className={`${inputClass} mt-1 resize-y font-mono text-[13px]`}
          />
          <FieldError id={`${id}-error`} messages={problems} />
          <div className="mt-2">
            <TemplateCounter id={`${id}-count`} text={preview} />
          </div>
        </div>
        <div>
          <p className="text-sm font-medium text-slate-700">Preview</p>
          <p className="text-xs text-slate-500">As {sample.location} sends it, with a sample tracked link.</p>
          <div className="mt-1 rounded-2xl rounded-bl-sm bg-slate-100 px-4 py-3 text-sm break-words whitespace-pre-wrap text-slate-900" data-testid={`${id}-preview`}>
            {preview || <span className="text-slate-400">Nothing to send yet.</span>}
          </div>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} label="Save template" />
        <Button
          type="button"
          variant="secondary"
          disabled={body === defaultBody}
          onClick={() => {
            setBody(defaultBody);
            setNote("Default text restored in the editor. Save to keep it.");
          }}
        >
          Reset to default
        </Button>
        {note ? <p className="text-sm text-slate-600">{note}</p> : <FormStatus state={body === saved || state.message ? state : {}} saved="Template saved." />}
      </div>
    </form>
  );
}
