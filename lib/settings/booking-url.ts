// The "Test link" next to the booking URL opens what the owner typed, but only a full http(s)
// address: never javascript: or a relative path. Pure and browser-safe.

export function openableUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed) || !URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  return url.username || url.password ? null : url.toString();
}
