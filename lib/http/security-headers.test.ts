// The policies as a browser reads them: scripts only with this request's nonce, nothing framed,
// no plugins, and https-only directives only over https.
import { describe, expect, it } from "vitest";
import { newNonce, NON_PAGE_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy, servedOverHttps } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only with the request's nonce (and what they load), never inline or eval in production", () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: "abc123", https: false, dev: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds 'unsafe-eval' only in development and upgrade-insecure-requests only over https", () => {
    expect(directives(pageContentSecurityPolicy({ nonce: "n", https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(pageContentSecurityPolicy({ nonce: "n", https: true, dev: false })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("the rest", () => {
  it("APIs and webhooks may load nothing and be framed by nobody", () => {
    expect(NON_PAGE_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it("a nonce is fresh each time and safe inside a header", () => {
    const [a, b] = [newNonce(), newNonce()];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
  });

  it("https is read from the load balancer's X-Forwarded-Proto, else the URL", () => {
    expect(servedOverHttps({ headers: new Headers({ "x-forwarded-proto": "https" }) })).toBe(true);
    expect(servedOverHttps({ headers: new Headers({ "x-forwarded-proto": "http" }), nextUrl: { protocol: "https:" } })).toBe(false);
    expect(servedOverHttps({ headers: new Headers(), nextUrl: { protocol: "https:" } })).toBe(true);
  });
});
