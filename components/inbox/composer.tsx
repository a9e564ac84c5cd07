"use client";

import { useEffect, useState } from "react";
import { REPLY_EVENT } from "./keyboard-shortcuts";
import { NoteForm } from "./note-form";
import { QuickRepliesManager } from "./quick-replies-manager";
import type { QuickReplyOption } from "./quick-replies-menu";
import { ReplyForm } from "./reply-form";

type Mode = "reply" | "note";

/**
 * The bottom of a conversation: text the caller, or write an internal note. Two clearly different
 * modes (a note is yellow and says it is never sent), switched with the buttons or "r" for reply.
 */
export function Composer({ conversationId, disabledReason, quickReplies }: { conversationId: string; disabledReason: string | null; quickReplies: QuickReplyOption[] }) {
  const [mode, setMode] = useState<Mode>("reply");
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    const onReply = () => {
      setMode("reply");
      setFocusRequest((n) => n + 1);
    };
    window.addEventListener(REPLY_EVENT, onReply);
    return () => window.removeEventListener(REPLY_EVENT, onReply);
  }, []);
  useEffect(() => {
    if (focusRequest) document.getElementById("reply-body")?.focus();
  }, [focusRequest]);

  const tab = (value: Mode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => setMode(value)}
      className={`rounded-md px-2.5 py-1 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
        mode === value ? (value === "note" ? "bg-yellow-100 text-yellow-900" : "bg-brand-50 text-brand-700") : "text-slate-600 hover:bg-slate-100"
      }`}
    >
      {label}
    </button>
  );

  return (
    <div className="space-y-2">
      <div role="group" aria-label="Compose" className="flex gap-1">
        {tab("reply", "Text the caller")}
        {tab("note", "Internal note")}
      </div>
      {/* Both stay mounted, so switching modes never loses what was typed in the other. */}
      <div hidden={mode !== "reply"}>
        <ReplyForm conversationId={conversationId} disabledReason={disabledReason} quickReplies={quickReplies} />
      </div>
      <div hidden={mode !== "note"}>
        <NoteForm conversationId={conversationId} />
      </div>
      <QuickRepliesManager quickReplies={quickReplies} />
    </div>
  );
}
