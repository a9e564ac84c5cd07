// Security headers on the production build, as Chromium gets them: every page has a Content
// Security Policy whose script nonce is fresh per request and on every script Next renders, and the
// app still works under it (no violation on any screen); APIs and webhooks get a policy that allows
// nothing; framing, sniffing and referrers are locked down everywhere; HSTS only over https; and
// an oversized webhook body is refused by the real server before it is read.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const COMMON = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

function expectCommonHeaders(response: APIResponse | { headers: () => Record<string, string> }): void {
  const headers = response.headers();
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], name).toBe(value);
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Collects every Content Security Policy complaint Chromium prints, and any uncaught page error. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test("a page: a CSP with a fresh nonce on each request, carried by every script Next renders", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  expectCommonHeaders(first);
  const policy = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);

  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

test("an API route and a webhook: a policy that allows nothing, and the same locked-down headers", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectCommonHeaders(health);
  expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

  const unsigned = await request.post("/api/webhooks/twilio/sms", { form: { Body: "hello" } });
  expect(unsigned.status()).toBe(403);
  expectCommonHeaders(unsigned);
  expect(unsigned.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

  const api = await request.get("/api/v1/calls");
  expect(api.status()).toBe(401);
  expectCommonHeaders(api);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("HSTS is sent when the load balancer says the browser used https, and only then", async ({ request }) => {
  const overHttps = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(overHttps.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const webhook = await request.post("/api/webhooks/generic", { headers: { "x-forwarded-proto": "https" }, data: {} });
  expect(webhook.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect((await request.get("/login")).headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
});

test("a webhook body over the limit is refused with 413 by the running server, before it is read", async ({ request }) => {
  const response = await request.post("/api/webhooks/twilio/sms", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `Body=${"x".repeat(2 * 1024 * 1024)}`,
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toEqual({
    error: "payload_too_large",
    message: "The request body is larger than 64 KB, the limit for this webhook; nothing was stored.",
  });
});

test("markup that slipped into a page could not run script: an injected event handler and javascript: link are blocked and reported", async ({ page }) => {
  const problems = watchForViolations(page);
  await page.goto("/login");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img src="/nope.png" onerror="window.__pwned = 1"><a id="evil" href="javascript:window.__pwned = 2">x</a>');
  });
  await page.locator("#evil").click();
  await expect.poll(() => problems.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("every screen works under the policy: no violation, charts drawn, keyboard shortcuts live", async ({ page }) => {
  const problems = watchForViolations(page);
  await page.goto("/login");
  await signIn(page, "owner@glow.test");

  // Hydrated: the keyboard help opens, and a conversation opens from the list.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.locator("a[href^='/inbox/']").first().click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);

  for (const path of ["/callbacks", "/contacts", "/calls", "/settings/locations", "/settings/templates", "/settings/integrations", "/getting-started"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/roi");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/roi-under-csp.png", fullPage: false });

  expect(problems).toEqual([]);
});
