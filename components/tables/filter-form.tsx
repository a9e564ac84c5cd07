"use client";

// The filters above a table: a GET form (it works before JavaScript loads), upgraded to a client
// navigation that drops empty fields and goes back to page 1. A changed select or date applies
// at once; text applies on Enter or the button.
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { hrefWith, type QueryValues } from "@/lib/tables/url";

export function FilterForm({ pathname, keep, label, children }: { pathname: string; keep: QueryValues; label: string; children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values: QueryValues = {};
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string") values[key] = value.trim();
    startTransition(() => router.push(hrefWith(pathname, { ...keep, ...values }, { page: undefined })));
  }

  return (
    <form
      role="search"
      aria-label={label}
      action={pathname}
      method="get"
      onSubmit={submit}
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "date")) event.currentTarget.requestSubmit();
      }}
      aria-busy={pending}
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6"
    >
      {Object.entries(keep).map(([key, value]) => (value ? <input key={key} type="hidden" name={key} value={value} /> : null))}
      {children}
    </form>
  );
}
