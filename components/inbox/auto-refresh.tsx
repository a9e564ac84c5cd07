"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/**
 * Re-renders the server components every few seconds while the tab is visible, so new calls and
 * replies show up without a reload. router.refresh() keeps client state: focus, text typed in the
 * reply box or the search field, open menus and scroll positions survive; the refreshed rows
 * replace the old ones in place (no skeleton), so nothing jumps. Hidden tabs do not poll; coming
 * back to the tab refreshes at once. A refresh still running skips the next tick instead of piling up.
 */
export function AutoRefresh({ intervalMs = 4000 }: { intervalMs?: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const pendingRef = useRef(pending);
  useEffect(() => {
    pendingRef.current = pending;
  }, [pending]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const refresh = () => {
      if (pendingRef.current || document.visibilityState !== "visible") return;
      startTransition(() => router.refresh());
    };
    const start = () => {
      if (timer === null) timer = setInterval(refresh, intervalMs);
    };
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        refresh();
        start();
      } else {
        stop();
      }
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router, intervalMs]);
  return null;
}
