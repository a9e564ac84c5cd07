// Contacts and the call log, as the front desk uses them: sort and filter in the URL (back works),
// make a caller a client, block them behind a confirmation, see texting refused in their
// conversation, and read in the call log why their next call was not texted.
import { expect, test } from "@playwright/test";
import { callStatusPayload, signedTwilioRequest } from "@/lib/telephony/twilio/samples";
import { waitForProcessing } from "./database";
import { missedCall, newCaller } from "./phone";
import { shootBothSizes } from "./screenshot";
import { signIn } from "./sign-in";

/** The most recent moment at 1–5 a.m. in Los Angeles: after hours at Downtown on any day. */
function lastNightInLosAngeles(now = new Date()): Date {
  const hour = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", hourCycle: "h23" });
  for (let back = 1; back <= 30; back++) {
    const at = new Date(now.getTime() - back * 3_600_000);
    const h = Number(hour.format(at));
    if (h >= 1 && h <= 5) return at;
  }
  throw new Error("no night in the last 30 hours");
}

/** A missed call reported by Twilio's status callback, stamped with when it happened. */
async function missedCallAt(from: string, at: Date): Promise<number> {
  const appUrl = process.env.E2E_APP_URL!;
  const accountSid = process.env.E2E_TWILIO_ACCOUNT_SID!;
  const authToken = process.env.E2E_TWILIO_AUTH_TOKEN!;
  const params = callStatusPayload({ accountSid, from, to: "+13105550100", callStatus: "no-answer", at });
  const response = await fetch(signedTwilioRequest({ appUrl, path: "/api/webhooks/twilio/call-status", params, authToken }));
  if (response.ok) await waitForProcessing();
  return response.status;
}

test("the desk sorts and filters contacts, blocks a client, and the call log says why they were not texted", async ({ page }) => {
  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);
  await signIn(page, "desk@glow.test");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
  await expect(page.getByTestId("table-showing")).toHaveText(/^Showing 1–25 of [\d,]+$/);
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");

  // Newest activity first: the caller who just rang is on top.
  await page.getByRole("link", { name: /Last activity/ }).click();
  await expect(page).toHaveURL(/\/contacts\?sort=-lastActivity$/);
  await expect(page.getByRole("columnheader", { name: /Last activity/ })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByTestId("contact-link").first()).toHaveText(caller.display);
  await shootBothSizes(page, "contacts");

  // They turn out to be a client.
  await page.getByTestId("contact-link").first().click();
  await expect(page.getByRole("heading", { name: caller.display })).toBeVisible();
  await page.getByLabel("Kind").selectOption("client");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.locator("header").getByText("Client", { exact: true })).toBeVisible();

  // Back keeps the sort; the kind filter narrows the list and lives in the URL too.
  await page.goBack();
  await expect(page).toHaveURL(/sort=-lastActivity/);
  const before = await page.getByTestId("table-showing").innerText();
  // A choice made before the page is interactive does nothing: choose again until the URL follows.
  await expect(async () => {
    await page.getByLabel("Kind").selectOption("client");
    await expect(page).toHaveURL(/\/contacts\?kind=client&sort=-lastActivity$/, { timeout: 2000 });
  }).toPass();
  await expect(page.getByTestId("table-showing")).not.toHaveText(before);
  const rows = page.getByTestId("table-row");
  await expect(rows.first()).toContainText(caller.display);
  await expect(rows.first()).toContainText("Client");

  // Block, behind a confirmation.
  await page.getByTestId("contact-link").first().click();
  await page.getByRole("button", { name: "Block number" }).click();
  const dialog = page.getByRole("dialog", { name: `Block ${caller.display}?` });
  await expect(dialog).toContainText("Rebound will never text this number");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("header").getByText("Blocked", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Block number" }).click();
  await dialog.getByRole("button", { name: "Yes, block" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("header").getByText("Blocked", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unblock" })).toBeVisible();
  await expect(page.getByTestId("opt-out-status")).toContainText("cannot opt anyone back in");
  const staff = page.getByRole("switch", { name: "This is one of our staff — never text" });
  await expect(staff).toHaveAttribute("aria-checked", "false");
  await staff.click();
  await expect(staff).toHaveAttribute("aria-checked", "true");
  await expect(page.locator("header").getByText("Staff", { exact: true })).toBeVisible();
  await shootBothSizes(page, "contact");

  // Their conversation refuses to send.
  await page.getByTestId("contact-conversation").filter({ hasText: "Downtown" }).click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/This number is blocked/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send text" })).toHaveCount(0);

  // They call again overnight: logged, not texted, and the call log says why.
  expect(await missedCallAt(caller.e164, lastNightInLosAngeles())).toBe(200);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" }).click();
  await expect(page.getByRole("heading", { name: "Calls" })).toBeVisible();
  await expect(async () => {
    await page.getByLabel("Disposition").selectOption("missed");
    await expect(page).toHaveURL(/disposition=missed/, { timeout: 2000 });
  }).toPass();
  await page.getByLabel("Leak source").selectOption("after_hours");
  await expect(page).toHaveURL(/\/calls\?disposition=missed&leak=after_hours$/);
  const blockedCall = page.getByTestId("table-row").filter({ hasText: caller.display }).filter({ hasText: "Not texted" });
  await expect(blockedCall).toHaveCount(1);
  await expect(blockedCall.getByTestId("call-outcome")).toHaveText("Not texted: The number is blocked.");
  await expect(blockedCall).toContainText("After hours");
  for (const row of await page.getByTestId("table-row").all()) await expect(row).toContainText("Missed");
  await shootBothSizes(page, "calls");
});

test("contacts and calls page through the URL, and another spa's contact is not found", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.goto("/calls?size=50&page=2");
  await expect(page.getByTestId("table-showing")).toHaveText(/^Showing 51–100 of [\d,]+$/);
  await expect(page.getByTestId("table-row")).toHaveCount(50);
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/calls\?size=50$/);
  await expect(page.getByTestId("table-showing")).toHaveText(/^Showing 1–50 of /);
  await page.getByLabel("Per page").selectOption("100");
  await expect(page).toHaveURL(/\/calls\?size=100$/);
  await expect(page.getByTestId("table-row")).toHaveCount(100);

  await page.goto("/contacts?q=Secret");
  await expect(page.getByText("No contacts match these filters")).toBeVisible();
  await expect(page.getByTestId("table-showing")).toHaveText("No results");
  // Another organization's contact is not found, even by its real id.
  const response = await page.goto(`/contacts/${process.env.E2E_OTHER_CONTACT_ID}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Secret Caller")).toHaveCount(0);
});
