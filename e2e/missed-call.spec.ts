// The first complete path, as the front desk sees it: a call is missed, the text-back appears in
// the inbox within seconds, the coordinator replies, the caller's answer shows in the timeline.
import { expect, test } from "@playwright/test";
import { missedCall, newCaller, sentTexts, textFromCaller } from "./phone";
import { signIn } from "./sign-in";

const shots = "test-results/screenshots";

test("a missed call becomes a text-back in the inbox, and the desk replies", async ({ page }) => {
  await signIn(page, "desk@glow.test");
  await page.screenshot({ path: `${shots}/first-path-inbox.png` });

  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);

  // The inbox refreshes itself: no reload needed.
  const row = page.getByTestId("conversation-row").filter({ hasText: caller.display });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText("Text sent");
  await row.click();

  await expect(page.getByRole("heading", { name: caller.display })).toBeVisible();
  const textBack = page.getByTestId("timeline-outbound").first();
  await expect(textBack).toContainText("Glow Med Spa");
  // The booking link is tracked: opening it redirects to the spa's booking page and shows in the timeline.
  const link = (await textBack.innerText()).match(/http:\/\/127\.0\.0\.1:\d+\/b\/[0-9A-Za-z]{10}/)?.[0];
  expect(link).toBeTruthy();
  const tap = await page.request.get(link!, { maxRedirects: 0, headers: { "User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)" } });
  expect(tap.status()).toBe(302);
  expect(tap.headers()["location"]).toMatch(/^https:\/\/book\.glowmedspa\.example\/downtown\?.*utm_source=rebound/);
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Opened the booking link." })).toBeVisible({ timeout: 10_000 });
  await expect(textBack).toContainText("Automatic text-back");
  // The stand-in reports delivery through the signed status callback.
  await expect(textBack.getByTestId("message-status")).toHaveText("Delivered", { timeout: 10_000 });
  await expect(page.getByTestId("timeline-call").first()).toContainText("Missed call");

  const reply = "Hi! We have a 3:30 opening today. Want it?";
  await page.getByLabel("Reply").fill(reply);
  await page.getByRole("button", { name: "Send text" }).click();
  await expect(page.getByTestId("timeline-outbound").filter({ hasText: reply })).toBeVisible();
  await expect(page.getByLabel("Reply")).toHaveValue("");
  await expect.poll(async () => (await sentTexts()).filter((m) => m.to === caller.e164).map((m) => m.body)).toContain(reply);

  expect(await textFromCaller(caller.e164, "Yes please, 3:30 works!")).toBe(200);
  await expect(page.getByTestId("timeline-inbound").filter({ hasText: "Yes please, 3:30 works!" })).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: `${shots}/first-path-conversation.png` });

  const texts = (await sentTexts()).filter((m) => m.to === caller.e164);
  expect(texts).toHaveLength(2);
  expect(texts.every((m) => m.from === "+13105550100")).toBe(true);
});

test("a caller who texted STOP cannot be texted from the conversation", async ({ page }) => {
  const caller = newCaller();
  expect(await textFromCaller(caller.e164, "STOP")).toBe(200);
  await signIn(page, "desk@glow.test");
  await page.getByTestId("conversation-row").filter({ hasText: caller.display }).click();
  await expect(page.getByText("Opted out", { exact: true })).toBeVisible();
  await expect(page.getByText(/This person opted out of texts \(replied STOP\)/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send text" })).toHaveCount(0);
});

test("caller text is shown as text, never run as HTML", async ({ page }) => {
  const caller = newCaller();
  const payload = `<img src=x onerror="document.title='pwned'"><script>window.pwned=1</script>`;
  await missedCall(caller.e164);
  await textFromCaller(caller.e164, payload);
  await signIn(page, "desk@glow.test");
  await page.getByTestId("conversation-row").filter({ hasText: caller.display }).click();
  await expect(page.getByTestId("timeline-inbound").filter({ hasText: payload })).toBeVisible();
  expect(await page.title()).not.toBe("pwned");
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test("the inbox works at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "desk@glow.test");
  await page.screenshot({ path: `${shots}/first-path-inbox-phone.png` });
  await page.getByTestId("conversation-row").first().click();
  await expect(page.getByRole("link", { name: "← Inbox" })).toBeVisible();
  await expect(page.getByLabel("Reply")).toBeVisible();
  await page.screenshot({ path: `${shots}/first-path-conversation-phone.png` });
});
