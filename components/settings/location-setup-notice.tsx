import { setupGaps, SETUP_GAP_TEXT } from "@/lib/recovery/setup";

/**
 * Says plainly when a location's automatic texts are held, and what is missing. Nothing when the
 * location is set up. Used on the locations list and at the top of a location's page.
 */
export function LocationSetupNotice({ bookingUrl, hasHours, compact = false }: { bookingUrl: string | null; hasHours: boolean; compact?: boolean }) {
  const gaps = setupGaps({ bookingUrl, shifts: hasHours ? [{ weekday: 0, opensMinute: 0, closesMinute: 0 }] : [] });
  if (gaps.length === 0) return null;
  const missing = gaps.map((gap) => SETUP_GAP_TEXT[gap]).join(" and ");
  return (
    <p
      data-testid="location-setup-notice"
      className={`rounded-md bg-amber-50 text-amber-900 ring-1 ring-amber-200 ring-inset ${compact ? "mt-2 px-2.5 py-1.5 text-xs" : "px-3 py-2 text-sm"}`}
    >
      <span className="font-semibold">Automatic texts held:</span> this location needs {missing}
      {compact ? "." : ". Until then Rebound records every missed call and opens a callback for the desk, but texts no one."}
    </p>
  );
}
