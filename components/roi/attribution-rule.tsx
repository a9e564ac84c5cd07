// The counting rule behind every "recovered" number, written out so an owner can check it (the
// glossary's "Recovered", with this organization's window).
export function AttributionRule({ windowDays }: { windowDays: number }) {
  return (
    <section aria-labelledby="attribution-heading" className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700 break-inside-avoid">
      <h2 id="attribution-heading" className="font-semibold text-slate-900">
        How we count
      </h2>
      <p className="mt-1" data-testid="attribution-rule">
        A missed call counts as recovered only when a kept booking (booked or showed) from the same caller follows it within {windowDays} {windowDays === 1 ? "day" : "days"}, after
        our text, their reply or a tap on the booking link; one per call. Calls and their outcomes are counted on the local day of the call, bookings on the day they were made.
        No-shows, cancellations and test events never count.
      </p>
      <p className="mt-1 text-xs text-slate-600 print:hidden">
        The window is a setting (Settings → Organization). Every underlined or linked number opens the list of calls or bookings behind it.
      </p>
    </section>
  );
}
