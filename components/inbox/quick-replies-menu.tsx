"use client";

import { useEffect, useId, useRef, useState } from "react";
import { QUICK_REPLIES_MANAGER_ID } from "./quick-replies-manager";

export type QuickReplyOption = { id: string; title: string; body: string };

/**
 * The saved replies as a small menu that opens above the reply box (it overlays, so the page does
 * not move). Picking one inserts its text; nothing is sent until "Send text".
 */
export function QuickRepliesMenu({ quickReplies, onPick }: { quickReplies: QuickReplyOption[]; onPick: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>("[data-quick-reply]")?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const manage = () => {
    setOpen(false);
    const dialog = document.getElementById(QUICK_REPLIES_MANAGER_ID);
    if (dialog instanceof HTMLDialogElement) dialog.showModal();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1 rounded-md px-2.5 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Quick replies <span aria-hidden>▾</span>
      </button>
      {open ? (
        <div id={panelId} className="absolute bottom-full left-0 z-20 mb-1 w-80 max-w-[calc(100vw-2rem)] rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
          {quickReplies.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-600">No quick replies saved yet.</p>
          ) : (
            <ul className="max-h-64 overflow-y-auto">
              {quickReplies.map((q) => (
                <li key={q.id}>
                  <button
                    type="button"
                    data-quick-reply
                    onClick={() => {
                      onPick(q.body);
                      setOpen(false);
                    }}
                    className="block w-full rounded-md px-3 py-2 text-left hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-none"
                  >
                    <span className="block text-sm font-medium text-slate-900">{q.title}</span>
                    <span className="line-clamp-2 text-xs text-slate-600">{q.body}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 p-1">
            <button type="button" onClick={manage} className="w-full rounded-md px-3 py-1.5 text-left text-xs font-medium text-brand-700 hover:bg-slate-50">
              Manage quick replies…
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
