// What a new organization starts with: one location and the default templates; no hours and no
// booking link (the owner sets them, the checklist asks first, and until both are set the location
// sends no automatic texts: lib/recovery/setup.ts).
export const FIRST_LOCATION_NAME = "Main location";

export const DEFAULT_TIMEZONE = "America/Los_Angeles";

/** The browser's zone when it is a real IANA name, else the default. */
export function timezoneOrDefault(candidate: string | null | undefined): string {
  if (!candidate) return DEFAULT_TIMEZONE;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: candidate });
    return candidate.includes("/") || candidate === "UTC" ? candidate : DEFAULT_TIMEZONE;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}

/** "Glow Med Spa!" → "glow-med-spa"; empty or non-Latin names fall back to "spa". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "spa";
}
