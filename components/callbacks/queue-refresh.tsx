"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the queue every few seconds while the tab is visible: new hot callbacks and SLA clocks move on their own. */
export function QueueRefresh({ intervalMs = 10_000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && !document.querySelector("dialog[open]")) router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
