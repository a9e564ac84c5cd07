"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While some delivery is still pending, re-reads the log every few seconds so its outcome appears. */
export function CrmLogRefresh({ active, intervalMs = 3000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
