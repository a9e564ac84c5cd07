// The caller's own timezone, guessed from the area code of a North American number, so automatic
// texts respect the recipient's local clock rather than the spa's. Pure: a table lookup, no I/O.
import { AREA_CODES_BY_ZONE } from "./area-codes";

const ZONE_BY_AREA_CODE: ReadonlyMap<string, string> = new Map(
  Object.entries(AREA_CODES_BY_ZONE).flatMap(([zone, byRegion]) => Object.values(byRegion).flatMap((codes) => codes.split(" ").map((code): [string, string] => [code, zone]))),
);

/**
 * "+13055550123" → "America/New_York". Null for anything that is not a +1 number with a geographic
 * US or Canadian area code: toll-free and other non-geographic codes, the Caribbean NANP countries,
 * other countries (the caller then gets the location's timezone) and malformed input. A number
 * ported or carried to another state keeps its old area code, so this is a best guess.
 */
export function callerTimezone(e164: string): string | null {
  const match = /^\+1([2-9]\d{2})\d{7}$/.exec(e164.trim());
  if (!match?.[1]) return null;
  return ZONE_BY_AREA_CODE.get(match[1]) ?? null;
}
