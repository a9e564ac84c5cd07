// Timestamps as a spreadsheet reader at the spa reads them: the location's local wall-clock time
// with its UTC offset ("2026-11-03T09:14:00-08:00"), ISO 8601, so the instant stays exact and the
// day and hour are the ones the dashboard counts by. Pure: no I/O.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    // One per IANA zone the organization's locations use: a handful, never unbounded.
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "GMT-08:00" → "-08:00"; "GMT" (UTC itself) → "+00:00". */
function offsetOf(zoneName: string): string {
  const offset = zoneName.replace("GMT", "");
  return offset === "" ? "+00:00" : offset;
}

/** `at` in `timeZone` as "YYYY-MM-DDTHH:MM:SS±HH:MM" (whole seconds). */
export function localTimestamp(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offsetOf(parts.timeZoneName ?? "GMT")}`;
}
