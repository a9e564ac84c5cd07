"use client";

// Several forms share the location page, each with its own Save. An edit not saved yet is never
// lost silently: each form says "Unsaved changes" next to its Save button, and leaving the page
// (a link, reload or closing the tab) while any form holds one asks first.
import { useEffect, useLayoutEffect, useState, type RefObject } from "react";

const dirty = new Map<string, string>();

function leaveMessage(): string {
  return `You have unsaved changes to the ${[...dirty.values()].join(" and ")}. Leave this page without saving them?`;
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (dirty.size === 0) return;
  event.preventDefault();
  event.returnValue = "";
}

/** In the capture phase, before Next's <Link> handles the click: a link away asks first. */
function onClickCapture(event: MouseEvent) {
  if (dirty.size === 0 || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
  const to = new URL(link.href, window.location.href);
  if (to.origin === window.location.origin && to.pathname === window.location.pathname && to.search === window.location.search) return; // #hours, #numbers
  if (window.confirm(leaveMessage())) return;
  event.preventDefault();
  event.stopPropagation();
}

/** Registers a form's unsaved state under `what` ("weekly hours") while `isDirty`. */
export function useLeaveWarning(isDirty: boolean, what: string): void {
  useEffect(() => {
    if (!isDirty) return;
    const key = `${what}:${Math.random()}`;
    dirty.set(key, what);
    if (dirty.size === 1) {
      window.addEventListener("beforeunload", onBeforeUnload);
      document.addEventListener("click", onClickCapture, true);
    }
    return () => {
      dirty.delete(key);
      if (dirty.size === 0) {
        window.removeEventListener("beforeunload", onBeforeUnload);
        document.removeEventListener("click", onClickCapture, true);
      }
    };
  }, [isDirty, what]);
}

function snapshot(form: HTMLFormElement): string {
  return JSON.stringify([...new FormData(form)].filter(([key]) => !key.startsWith("$ACTION")).map(([key, value]) => [key, typeof value === "string" ? value : ""]));
}

/**
 * Whether an uncontrolled form differs from what it showed when `savedKey` last changed (mount, or
 * a save that remounted its fields).
 */
export function useFormDirty(form: RefObject<HTMLFormElement | null>, savedKey: unknown): boolean {
  const [baseline, setBaseline] = useState<string | null>(null);
  const [isDirty, setDirty] = useState(false);
  useLayoutEffect(() => {
    // The baseline is what the mounted fields show, which only the DOM knows: it is read after they mount.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (form.current) setBaseline(snapshot(form.current));
    setDirty(false);
  }, [form, savedKey]);
  useEffect(() => {
    const element = form.current;
    if (!element || baseline === null) return;
    const check = () => setDirty(snapshot(element) !== baseline);
    element.addEventListener("input", check);
    element.addEventListener("change", check);
    return () => {
      element.removeEventListener("input", check);
      element.removeEventListener("change", check);
    };
  }, [form, baseline]);
  return isDirty;
}

/** The words next to a form's Save button while it holds unsaved edits. */
export function UnsavedNote({ show, what }: { show: boolean; what: string }) {
  if (!show) return null;
  return (
    <p data-testid="unsaved-note" className="text-sm font-medium text-amber-800">
      Unsaved changes to the {what}.
    </p>
  );
}
