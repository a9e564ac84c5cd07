const LABELS: Record<string, { text: string; className: string }> = {
  missed_call: { text: "Missed call", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  voicemail: { text: "Voicemail", className: "bg-violet-50 text-violet-800 ring-violet-200" },
  reply: { text: "Reply", className: "bg-sky-50 text-sky-800 ring-sky-200" },
  text_sent: { text: "Text sent", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  text_skipped: { text: "Not texted", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  link_clicked: { text: "Opened booking link", className: "bg-teal-50 text-teal-800 ring-teal-200" },
};

export function ActivityBadge({ kind }: { kind: string }) {
  const label = LABELS[kind] ?? { text: kind.replaceAll("_", " "), className: "bg-slate-100 text-slate-700 ring-slate-200" };
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${label.className}`}>{label.text}</span>;
}
