// The front desk's inbox, worked the way a coordinator does between consults: filter to what needs
// a reply, find a caller by a few digits, claim the conversation, leave an internal note (never
// texted), answer with a quick reply, mark it done with "e", and find the shortcuts with "?".
// New missed calls appear by themselves, without a reload and without disturbing what is typed.
import { expect, test, type Page } from "@playwright/test";
import { missedCall, newCaller, sentTexts } from "./phone";
import { signIn } from "./sign-in";

const shots = "test-results/screenshots";

/** Keys go to the page, not to whatever field was used last. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
}

test("the desk filters, finds, claims, notes, answers with a quick reply and marks done from the keyboard", async ({ page }) => {
  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);
  await signIn(page, "desk@glow.test");

  await page.getByRole("link", { name: /^Needs reply/ }).click();
  await expect(page).toHaveURL(/needs_reply=1/);
  await expect(page.getByRole("link", { name: /^Needs reply/ })).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("conversation-row").filter({ hasText: caller.display })).toBeVisible();

  // A few digits, typed with a space, as someone reads them off a sticky note.
  const digits = caller.e164.slice(-7);
  await page.getByLabel("Search by name or phone").fill(`${digits.slice(0, 3)} ${digits.slice(3)}`);
  await page.getByLabel("Search by name or phone").press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(page).toHaveURL(/needs_reply=1/); // the search keeps the filter
  const rows = page.getByTestId("conversation-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(caller.display);
  await page.screenshot({ path: `${shots}/inbox-desktop.png` });

  await rows.first().click();
  await expect(page.getByRole("heading", { name: caller.display })).toBeVisible();
  await expect(page.getByTestId("assignee")).toHaveText("Unassigned");
  await page.getByRole("button", { name: "Claim", exact: true }).click();
  await expect(page.getByTestId("assignee")).toContainText("Assigned to Dana Desk");
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Claimed by Dana Desk." })).toBeVisible();

  const note = `Prefers a call after 5 (${digits})`;
  await page.getByRole("button", { name: "Internal note" }).click();
  await page.getByLabel("Internal note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  const noteItem = page.getByTestId("timeline-note").filter({ hasText: note });
  await expect(noteItem).toBeVisible();
  await expect(noteItem).toContainText("Internal note — not sent");
  await expect(noteItem).toContainText("Dana Desk");
  await expect(page.getByLabel("Internal note")).toHaveValue("");

  await page.getByRole("button", { name: "Text the caller" }).click();
  await page.getByRole("button", { name: /Quick replies/ }).click();
  await page.getByRole("button", { name: /Open slot today/ }).click();
  const quickText = "Good news: we have an opening today. Would 3:30 or 5:00 work for you?";
  await expect(page.getByLabel("Reply")).toHaveValue(quickText);
  await expect(page.getByLabel("Reply")).toBeFocused();
  await page.getByRole("button", { name: "Send text" }).click();
  await expect(page.getByTestId("timeline-outbound").filter({ hasText: quickText })).toBeVisible();
  await expect(page.getByTestId("timeline-outbound").filter({ hasText: quickText })).toContainText("Dana Desk");
  await expect.poll(async () => (await sentTexts()).filter((m) => m.to === caller.e164).map((m) => m.body)).toContain(quickText);
  // The note stayed inside Rebound: the phone company never received it.
  expect((await sentTexts()).some((m) => m.body.includes(note))).toBe(false);
  await page.screenshot({ path: `${shots}/conversation-desktop.png` });

  await blur(page);
  await page.keyboard.press("e");
  // Missed while closed, the call also opened a callback: then "e" asks about it first (issue 13)
  // and this walk keeps it open for the morning; while open there is none and "e" marks done at once.
  const ask = page.getByRole("dialog", { name: "A callback is still open" });
  await expect(ask.or(page.getByTestId("conversation-status"))).toBeVisible();
  if (await ask.isVisible()) await ask.getByRole("button", { name: "Keep callback open, mark done" }).click();
  await expect(page.getByTestId("conversation-status")).toHaveText("Done");
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Marked done by Dana Desk." })).toBeVisible();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Next conversation");
  await expect(help).toContainText("Mark the conversation done");
  await page.screenshot({ path: `${shots}/inbox-help-desktop.png` });
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // r jumps to the reply box; typing there is typing, not shortcuts.
  await page.keyboard.press("r");
  await expect(page.getByLabel("Reply")).toBeFocused();
  await page.keyboard.type("ejk?");
  await expect(page.getByLabel("Reply")).toHaveValue("ejk?");
  await expect(help).toBeHidden();
});

/**
 * Presses `key` in the inbox until the conversation open is the one `target` names in the list as
 * it stands then (the list keeps updating: other calls arrive, a refresh re-sorts it). The key is
 * pressed again only while still on `from`: one that lands while the list re-renders is lost (seen
 * under CI load), and pressing it after it worked would move twice.
 */
async function moveWith(page: Page, key: "j" | "k", from: string, target: (hrefs: (string | null)[]) => string | null): Promise<string> {
  const rows = page.getByTestId("conversation-row");
  const moved = { to: null as string | null };
  await expect(async () => {
    if (new URL(page.url()).pathname === from) {
      await blur(page);
      await page.keyboard.press(key);
    }
    await expect
      .poll(
        async () => {
          moved.to = target(await rows.evaluateAll((links) => links.map((link) => link.getAttribute("href"))));
          return new URL(page.url()).pathname === moved.to;
        },
        { timeout: 3_000 },
      )
      .toBe(true);
  }).toPass({ timeout: 15_000 });
  // The next key starts from the highlighted conversation: wait until the list marks this one.
  await expect(page.locator('a[data-conversation-row][aria-current="page"]').first()).toHaveAttribute("href", moved.to!);
  return moved.to!;
}

test("j and k move through the conversations", async ({ page }) => {
  await signIn(page, "desk@glow.test");
  const rows = page.getByTestId("conversation-row");
  await expect(rows.nth(1)).toBeVisible();
  const [first, second] = [await rows.nth(0).getAttribute("href"), await rows.nth(1).getAttribute("href")];
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(first!);
  await expect(page.locator('a[data-conversation-row][aria-current="page"]').first()).toHaveAttribute("href", first!);
  const next = await moveWith(page, "j", first!, (hrefs) => hrefs[hrefs.indexOf(first) + 1] ?? second);
  expect(next).not.toBe(first);
  const previous = await moveWith(page, "k", next, (hrefs) => hrefs[hrefs.indexOf(next) - 1] ?? first);
  expect(previous).not.toBe(next);
});

test("a new missed call appears within seconds, without a reload, keeping what is typed", async ({ page }) => {
  await signIn(page, "desk@glow.test");
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const search = page.getByLabel("Search by name or phone");
  await search.click();
  await search.pressSequentially("Ava G");
  const before = await page.getByTestId("conversation-row").first().boundingBox();

  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);
  await expect(page.getByTestId("conversation-row").filter({ hasText: caller.display })).toBeVisible({ timeout: 6_000 });

  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(search).toHaveValue("Ava G");
  await expect(search).toBeFocused();
  // The list grows at the top, but the header, search and filters above it stay where they were.
  expect((await page.getByTestId("conversation-row").first().boundingBox())?.y).toBe(before?.y);
});

test("quick replies can be added and deleted from the conversation page", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.getByTestId("conversation-row").first().click();
  await page.getByRole("button", { name: /Quick replies/ }).click();
  await page.getByRole("button", { name: /Manage quick replies/ }).click();
  const manager = page.getByRole("dialog", { name: "Quick replies" });
  await expect(manager).toBeVisible();
  await manager.getByRole("button", { name: "Save quick reply" }).click();
  await expect(manager.locator("#qr-title-error")).toHaveText("Give it a short title.");
  await expect(manager.getByLabel("Title")).toHaveAttribute("aria-describedby", "qr-title-error");

  const title = `Gift cards ${Date.now()}`;
  await manager.getByLabel("Title").fill(title);
  await manager.getByLabel("Text").fill("Gift cards are available at the front desk in any amount.");
  await manager.getByRole("button", { name: "Save quick reply" }).click();
  await expect(manager.getByText(title, { exact: true })).toBeVisible();
  await manager.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: /Quick replies/ }).click();
  await expect(page.getByRole("button", { name: new RegExp(title) })).toBeVisible();
  await page.getByRole("button", { name: /Manage quick replies/ }).click();
  await manager.getByRole("button", { name: `Delete “${title}”` }).click();
  // Shared with the whole team: a delete is confirmed first (e2e/quick-replies.spec.ts covers Undo).
  await manager.getByRole("button", { name: "Delete for everyone" }).click();
  await expect(manager.getByText(title, { exact: true })).toHaveCount(0);
});

test("phone width: the list and the conversation are separate screens", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "desk@glow.test");
  await expect(page.getByRole("link", { name: /^Needs reply/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/inbox-phone.png` });
  await page.getByTestId("conversation-row").first().click();
  await expect(page.getByRole("link", { name: "← Inbox" })).toBeVisible();
  await expect(page.getByTestId("conversation-row").first()).toBeHidden();
  await expect(page.getByLabel("Reply")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark done" })).toBeVisible();
  await page.screenshot({ path: `${shots}/conversation-phone.png` });
  await page.getByRole("link", { name: "← Inbox" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
});
