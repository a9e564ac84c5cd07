import { Badge } from "@/components/ui/badge";
import type { WebhookUrl } from "@/lib/integrations/webhook-urls";
import { CopyField } from "./integration-copy-button";

/** One phone system: the URLs to paste, how requests are authenticated, and its test button. */
export function IntegrationProviderCard({
  id,
  title,
  summary,
  urls,
  status,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  urls: WebhookUrl[];
  status: { tone: "emerald" | "amber" | "slate"; label: string };
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <div className="space-y-4 p-4">
        <p className="text-sm text-slate-600">{summary}</p>
        <ul className="space-y-3">
          {urls.map((u) => (
            <li key={u.url} className="space-y-1">
              <p className="text-sm text-slate-700">{u.where}</p>
              <CopyField value={u.url} what={`${title} webhook URL ${u.url.split("/").pop()}`} />
            </li>
          ))}
        </ul>
        {children}
      </div>
    </section>
  );
}
