"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { SHORTCUTS, shortcutFor, step, type ShortcutAction } from "@/lib/inbox/shortcuts";

const HELP_ID = "keyboard-shortcuts";
/** The composer listens for this to switch to the reply box and focus it. */
export const REPLY_EVENT = "rebound:reply";

function openHelp(): void {
  const dialog = document.getElementById(HELP_ID);
  if (dialog instanceof HTMLDialogElement && !dialog.open) dialog.showModal();
}

/** The visible way to the help overlay, for people who do not know about "?". */
export function ShortcutsButton() {
  return (
    <button
      type="button"
      onClick={openHelp}
      aria-haspopup="dialog"
      className="ml-auto hidden h-7 items-center gap-1 rounded-md px-2 text-xs text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 sm:inline-flex"
    >
      <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">?</kbd> Shortcuts
    </button>
  );
}

/** j / k: the conversation rows on the page, in order, and which one is current. */
function move(action: "next" | "previous", mode: "list" | "conversation", go: (href: string) => void): void {
  const rows = [...document.querySelectorAll<HTMLAnchorElement>("a[data-conversation-row]")];
  const focused = rows.findIndex((row) => row === document.activeElement);
  const selected = rows.findIndex((row) => row.getAttribute("aria-current") === "page");
  const target = step(focused >= 0 ? focused : selected, rows.length, action);
  const row = target === null ? undefined : rows[target];
  if (!row) return;
  if (mode === "list") {
    // On the list, move the focus (Enter opens); the phone layout is not whisked away.
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  } else {
    const href = row.getAttribute("href");
    if (href) go(href);
  }
}

/**
 * Keyboard shortcuts of the inbox (j, k, r, e, ?) and their help overlay. Keys typed into a field
 * are never taken; a native modal <dialog> keeps focus inside and closes with Esc.
 */
export function InboxShortcuts({ mode }: { mode: "list" | "conversation" }) {
  const router = useRouter();
  useEffect(() => {
    const run = (action: ShortcutAction) => {
      switch (action) {
        case "next":
        case "previous":
          return move(action, mode, (href) => router.push(href));
        case "reply":
          return window.dispatchEvent(new Event(REPLY_EVENT));
        case "done":
          return document.querySelector<HTMLButtonElement>('button[data-shortcut="done"]:not(:disabled)')?.click();
        case "help":
          return openHelp();
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        isComposing: event.isComposing,
        dialogOpen: document.querySelector("dialog[open]") !== null,
        target: target && { tagName: target.tagName, isContentEditable: target.isContentEditable, type: target instanceof HTMLInputElement ? target.type : null },
      });
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router, mode]);

  return (
    <dialog
      id={HELP_ID}
      aria-labelledby={`${HELP_ID}-title`}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close(); // a click on the backdrop
      }}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <h2 id={`${HELP_ID}-title`} className="text-base font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <p className="mt-1 text-sm text-slate-600">They work anywhere in the inbox except while you are typing.</p>
        <dl className="mt-4 space-y-2 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.key} className="flex items-center gap-3">
              <dt className="w-10 shrink-0">
                <kbd className="inline-flex h-7 min-w-7 items-center justify-center rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-slate-900">{s.key}</kbd>
              </dt>
              <dd className="text-slate-700">{s.description}</dd>
            </div>
          ))}
          <div className="flex items-center gap-3">
            <dt className="w-10 shrink-0">
              <kbd className="inline-flex h-7 items-center justify-center rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-slate-900">Esc</kbd>
            </dt>
            <dd className="text-slate-700">Close this overlay</dd>
          </div>
        </dl>
        <form method="dialog" className="mt-5 flex justify-end">
          <Button type="submit" autoFocus>
            Close
          </Button>
        </form>
      </div>
    </dialog>
  );
}
