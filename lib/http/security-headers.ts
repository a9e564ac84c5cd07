// The security headers of every response (next.config.ts) and the Content Security Policy of every
// page (proxy.ts, with a fresh nonce per request). Pure, so the policies are unit-tested.
//
// Scripts: a per-request nonce plus 'strict-dynamic' (Next.js puts the nonce on its own bootstrap
// and chunk scripts when the request carries this CSP), so no injected inline script can run.
// Styles: 'unsafe-inline', because server-rendered `style` attributes (recharts' SVG charts, Next's
// own) cannot carry a nonce, and a nonce in style-src would make browsers ignore 'unsafe-inline'.
// Injected CSS cannot run script; the nonce-only script-src is what stops XSS.

export type HeaderEntry = { key: string; value: string };

const join = (directives: (string | false)[]) => directives.filter(Boolean).join("; ");

/** The CSP of an HTML page. `https` adds upgrade-insecure-requests (on plain http it would break every request). */
export function pageContentSecurityPolicy({ nonce, https, dev }: { nonce: string; https: boolean; dev: boolean }): string {
  return join([
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // Voicemail recordings play straight from the phone system (api.twilio.com, OpenPhone, Aircall…).
    "media-src 'self' https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    https && "upgrade-insecure-requests",
  ]);
}

/** APIs, webhooks and redirects render nothing: they may load nothing and be framed by nobody. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = join(["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]);

/** On every response, pages and APIs alike. */
export const COMMON_SECURITY_HEADERS: HeaderEntry[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Only on responses served over https (a browser ignores it over http, and it would pin localhost). */
export const STRICT_TRANSPORT_SECURITY: HeaderEntry = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/** Whether the browser reached us over https: directly, or through a TLS-terminating load balancer. */
export function servedOverHttps(request: { headers: Headers; nextUrl?: { protocol: string } }): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : request.nextUrl?.protocol === "https:";
}

/** A fresh, unguessable nonce per page request. */
export function newNonce(): string {
  return btoa(crypto.randomUUID());
}
