"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { TIMEZONE_GROUPS } from "@/lib/settings/timezones";

const OFFERED = new Set(TIMEZONE_GROUPS.flatMap((group) => group.zones.map((option) => option.zone)));

/**
 * The location's time zone, controlled: it shows and sends exactly the zone stored or chosen. A
 * stored zone that is not in the list (a spa created from a browser set to UTC) stays as the first
 * option, marked, until another zone is saved; it is never silently replaced by another one.
 */
export function TimezoneSelect({ stored, initial, invalid, describedBy }: { stored: string; initial: string; invalid: boolean; describedBy?: string }) {
  const [zone, setZone] = useState(initial);
  const unlisted = [...new Set([stored, zone])].filter((candidate) => !OFFERED.has(candidate));
  return (
    <select
      id="timezone"
      name="timezone"
      value={zone}
      onChange={(event) => setZone(event.target.value)}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      className={inputClass}
    >
      {unlisted.map((candidate) => (
        <option key={candidate} value={candidate}>
          {candidate} (not offered: choose a zone from the list)
        </option>
      ))}
      {TIMEZONE_GROUPS.map((group) => (
        <optgroup key={group.country} label={group.country}>
          {group.zones.map((option) => (
            <option key={option.zone} value={option.zone}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
