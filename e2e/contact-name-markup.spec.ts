// A contact's name comes from outside the app (the demo seed today; imports, caller ID or a CRM
// tomorrow), so markup in it must show as text on every screen that names the caller, and never run.
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { withE2eDb } from "./database";
import { missedCall, newCaller, textFromCaller } from "./phone";
import { signIn } from "./sign-in";

const NAME = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>Ann "Bo" & Co`;

async function nameCaller(phone: string, name: string): Promise<string> {
  return withE2eDb(async (db) => {
    const [row] = await db.update(contacts).set({ name }).where(eq(contacts.phone, phone)).returning({ id: contacts.id });
    if (!row) throw new Error(`no contact for ${phone}`);
    return row.id;
  });
}

test("markup in a contact's name is shown as text in the inbox, conversation, contacts, calls and callbacks", async ({ page }) => {
  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);
  // A hot reply opens a callback, so the name is on the callback queue too.
  expect(await textFromCaller(caller.e164, "Can I come in today?")).toBe(200);
  const contactId = await nameCaller(caller.e164, NAME);
  const digits = caller.e164.slice(-7);

  await signIn(page, "desk@glow.test");
  const screens = [
    { path: "/inbox", where: page.getByTestId("conversation-row").filter({ hasText: NAME }) },
    { path: `/contacts?q=${digits}`, where: page.getByRole("row").filter({ hasText: NAME }) },
    { path: `/contacts/${contactId}`, where: page.getByRole("heading", { name: NAME }) },
    { path: `/calls?q=${digits}`, where: page.getByRole("row").filter({ hasText: NAME }) },
    { path: "/callbacks", where: page.getByText(NAME, { exact: false }) },
  ];
  for (const screen of screens) {
    await page.goto(screen.path);
    await expect(screen.where.first(), screen.path).toBeVisible({ timeout: 10_000 });
    expect(await page.locator('img[src="x"]').count(), screen.path).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), screen.path).toBeUndefined();
  }

  await page.goto("/inbox");
  await page.getByTestId("conversation-row").filter({ hasText: NAME }).click();
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await page.screenshot({ path: "test-results/screenshots/contact-name-markup.png" });
});
