import type { Note } from "@/db/schema";
import { formatDateTime } from "@/lib/format";

/** Visibly not a text: its own colour, on the left edge, and says so in words (not only by colour). */
export function TimelineNote({ note, authorName, timezone }: { note: Note; authorName: string | null; timezone: string }) {
  return (
    <div className="max-w-xl rounded-lg border border-dashed border-yellow-400 bg-yellow-50 px-3 py-2 text-sm text-slate-900" data-testid="timeline-note">
      <p className="text-xs font-semibold text-yellow-900">Internal note — not sent</p>
      <p className="mt-1 break-words whitespace-pre-wrap">{note.body}</p>
      <p className="mt-1 text-xs text-slate-600">
        {authorName ?? "A former teammate"} · <time dateTime={note.createdAt.toISOString()}>{formatDateTime(note.createdAt, timezone)}</time>
      </p>
    </div>
  );
}
