// Booking links: the page a text's `/b/<token>` link redirects the caller to. Only an https address
// under a domain name is accepted, when the owner saves it and again at every click: never plain
// http (a caller's tap must not be downgraded or intercepted), never an IP address (v4 or v6, in any
// of the forms browsers accept: 2130706433, 0x7f.1, [::1]…), never localhost or a one-word host
// (Rebound's own domain must not become a redirector into someone's network), never credentials.
// Pure and browser-safe: the location form's "Test link" uses it too.

/** Why a booking URL is refused, or null when it is fine. */
export type BookingUrlProblem = "not_a_web_address" | "not_https" | "ip_address" | "local_host" | "credentials";

export const BOOKING_URL_MESSAGE = "Enter the booking page's https:// address under a domain name, e.g. https://book.yourspa.com (not an IP address).";

/** The URL typed, read as https when it has no scheme ("book.spa.com/x"); null when it does not parse. */
export function parseWebAddress(raw: string): URL | null {
  const trimmed = raw.trim();
  // "host:8080/x" has no scheme; "mailto:x", "javascript:x" do, and are refused below.
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed);
  const candidate = hasScheme ? trimmed : `https://${trimmed}`;
  return URL.canParse(candidate) ? new URL(candidate) : null;
}

/** The WHATWG parser has already turned every IPv4 spelling into dotted decimal, and IPv6 into [..]. */
function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname.replace(/\.$/, ""));
}

export function bookingUrlProblem(url: URL): BookingUrlProblem | null {
  if (url.protocol !== "https:") return url.protocol === "http:" ? "not_https" : "not_a_web_address";
  if (url.username || url.password) return "credentials";
  if (isIpLiteral(url.hostname)) return "ip_address";
  const host = url.hostname.replace(/\.$/, "").toLowerCase();
  if (!host.includes(".") || host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return "local_host";
  return null;
}

/** The booking URL to store or redirect to, or null with why not. */
export function checkBookingUrl(raw: string): { ok: true; url: URL } | { ok: false; problem: BookingUrlProblem } {
  const url = parseWebAddress(raw);
  if (!url) return { ok: false, problem: "not_a_web_address" };
  const problem = bookingUrlProblem(url);
  return problem ? { ok: false, problem } : { ok: true, url };
}

/** The "Test link" next to the booking URL opens what the owner typed, only when it would be accepted. */
export function openableUrl(raw: string): string | null {
  if (!/^https:\/\//i.test(raw.trim())) return null;
  const checked = checkBookingUrl(raw);
  return checked.ok ? checked.url.toString() : null;
}
