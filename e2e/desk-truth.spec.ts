// Screens the desk can trust (issue 13, items 4–7 and 14): a follow-up shows "Cancelled: <reason>"
// the moment the caller replies, and the desk can cancel one by hand; "Mark done" (and "e") asks
// what to do with an open callback; the chips count work left, also after the conversation was
// opened; the navigation shows the due callbacks; a callback made hot by a reply reads after it.
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callbacks, contacts, conversations, messages } from "@/db/schema";
import { makeCallbacksDueNow, withE2eDb } from "./database";
import { missedCall, newCaller, textFromCaller } from "./phone";
import { signIn } from "./sign-in";

const shots = "test-results/screenshots";
const HOUR = 3600_000;

async function conversationOf(db: Db, phone: string) {
  const [row] = await db.select({ conversation: conversations }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(contacts.phone, phone));
  if (!row) throw new Error(`no conversation for ${phone}`);
  return row.conversation;
}

async function openConversation(page: Page, caller: { e164: string; display: string }) {
  await page.goto(`/inbox?q=${caller.e164.slice(-7)}`);
  await page.getByTestId("conversation-row").filter({ hasText: caller.display }).click();
  await expect(page.getByRole("heading", { name: caller.display, level: 1 })).toBeVisible();
}

const followUp = (page: Page) => page.getByTestId("timeline-outbound").filter({ hasText: "Automatic follow-up" });

test("a follow-up shows cancelled with its reason once the caller replies, and the desk cancels one by hand", async ({ page }) => {
  const replied = newCaller();
  expect(await missedCall(replied.e164)).toBe(200);
  expect(await textFromCaller(replied.e164, "Thanks, I'll book online")).toBe(200);
  await signIn(page, "desk@glow.test");
  await openConversation(page, replied);
  await expect(followUp(page).getByTestId("message-status")).toHaveText("Cancelled: the caller replied.");
  await expect(followUp(page)).not.toContainText("Not sent");

  const waiting = newCaller();
  expect(await missedCall(waiting.e164)).toBe(200);
  await openConversation(page, waiting);
  await expect(followUp(page).getByTestId("message-status")).toContainText("Scheduled for");
  await followUp(page).getByRole("button", { name: "Cancel" }).click();
  await expect(followUp(page).getByTestId("message-status")).toHaveText("Cancelled by Dana Desk.");
  await expect(followUp(page).getByRole("button", { name: "Cancel" })).toHaveCount(0);
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Scheduled text cancelled by Dana Desk." })).toBeVisible();
  await page.screenshot({ path: `${shots}/desk-truth-conversation-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(followUp(page).getByTestId("message-status")).toHaveText("Cancelled by Dana Desk.");
  await page.screenshot({ path: `${shots}/desk-truth-conversation-phone.png` });
});

test("Mark done with an open callback asks what to do with it, from the button and from e", async ({ page }) => {
  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);
  expect(await textFromCaller(caller.e164, "Can I come in today?")).toBe(200);
  await signIn(page, "desk@glow.test");
  await openConversation(page, caller);

  const ask = page.getByRole("dialog", { name: "A hot callback is still open" });
  await page.getByRole("button", { name: "Mark done" }).click();
  await expect(ask).toBeVisible();
  await expect(ask).toContainText("Asked for availability today");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole("button", { name: "Mark done" })).toBeVisible(); // nothing changed

  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await page.keyboard.press("e");
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Reached" }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByTestId("conversation-status")).toHaveText("Done");
  await expect(page.getByTestId("timeline-callback").filter({ hasText: "Callback done: reached the caller" })).toBeVisible();

  await page.goto("/callbacks");
  await expect(page.getByRole("heading", { name: "Callbacks", level: 1 })).toBeVisible();
  await expect(page.getByTestId("callback-card").filter({ hasText: caller.display })).toHaveCount(0);
});

/** A chip of the counted filter row (the row without counts is its Suspense fallback and can sit beside it while it streams in). */
const chip = (page: Page, tab: string) => page.locator('nav[data-counts="loaded"]').getByTestId(`filter-${tab}`);

test("the chips count work left: opening a hot lead does not make it disappear from Hot or Needs reply", async ({ page }) => {
  const caller = newCaller();
  expect(await textFromCaller(caller.e164, "Can I come in today?")).toBe(200);
  await signIn(page, "desk@glow.test");
  const inbox = `/inbox?q=${caller.e164.slice(-7)}`;
  await page.goto(inbox);
  await expect(chip(page, "hot")).toHaveText(/Hot\s*1 to do/);
  await expect(chip(page, "needs_reply")).toHaveText(/Needs reply\s*1 to do/);

  await openConversation(page, caller); // read: before issue 13 this emptied every count
  await page.goto(inbox);
  await expect(chip(page, "hot")).toHaveText(/Hot\s*1 to do/);
  await expect(chip(page, "needs_reply")).toHaveText(/Needs reply\s*1 to do/);

  // Answered: nobody waits for a reply any more, but the hot callback is still to be done.
  await openConversation(page, caller);
  await page.getByRole("button", { name: "Text the caller" }).click();
  await page.getByLabel("Reply").fill("We can see you at 4 today!");
  await page.getByRole("button", { name: "Send text" }).click();
  await expect(page.getByTestId("timeline-outbound").filter({ hasText: "We can see you at 4 today!" })).toBeVisible();
  await expect(page.getByTestId("assignee")).toContainText("Assigned to Dana Desk"); // the reply claimed it
  await page.goto(inbox);
  await expect(chip(page, "needs_reply")).toHaveText(/^\s*Needs reply\s*$/);
  await expect(chip(page, "hot")).toHaveText(/Hot\s*1 to do/);
  await page.goto("/inbox");
  await expect(chip(page, "hot")).toBeVisible();
  await page.screenshot({ path: `${shots}/desk-truth-inbox-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/inbox");
  await expect(chip(page, "hot")).toBeVisible();
  await page.screenshot({ path: `${shots}/desk-truth-inbox-phone.png` });
});

test("the navigation shows how many callbacks are due, the same number as the queue's Due now", async ({ page }) => {
  const caller = newCaller();
  expect(await textFromCaller(caller.e164, "Can I come in today?")).toBe(200);
  // A hot reply ten minutes ago while the spa was open: due now whatever the clock says today.
  await makeCallbacksDueNow(caller.e164);
  await signIn(page, "desk@glow.test");
  await page.goto("/callbacks");
  const dueHeading = page.getByRole("heading", { name: /^Due now/ });
  await expect(dueHeading).toBeVisible();
  const due = Number((await dueHeading.textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(due).toBeGreaterThanOrEqual(1);
  const badge = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Callbacks/ })
    .getByTestId("nav-badge");
  await expect(badge).toHaveText(`${due} ${due === 1 ? "callback due" : "callbacks due"}`);
  await page.screenshot({ path: `${shots}/desk-truth-callbacks-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(badge).toBeVisible();
  await page.screenshot({ path: `${shots}/desk-truth-callbacks-phone.png` });
});

test("a callback made hot by a reply reads after that reply in the timeline", async ({ page }) => {
  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);
  // The missed call an hour ago left a callback waiting (after hours it is the app's own; written
  // here when the spa happens to be open now), so the reply escalates it instead of opening one.
  const hourAgo = new Date(Date.now() - HOUR);
  await withE2eDb(async (db) => {
    const conversation = await conversationOf(db, caller.e164);
    const existing = await db.select().from(callbacks).where(eq(callbacks.conversationId, conversation.id));
    if (existing.length === 0) {
      await db.insert(callbacks).values({
        orgId: conversation.orgId,
        locationId: conversation.locationId,
        contactId: conversation.contactId,
        conversationId: conversation.id,
        reason: "Missed after hours: call back at opening",
        priority: "normal",
        dueAt: hourAgo,
        createdAt: hourAgo,
      });
    }
    await db.update(callbacks).set({ createdAt: hourAgo }).where(eq(callbacks.conversationId, conversation.id));
    await db
      .update(messages)
      .set({ createdAt: new Date(hourAgo.getTime() - 60_000) })
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "outbound")));
  });
  expect(await textFromCaller(caller.e164, "Can I come in today?")).toBe(200);
  await signIn(page, "desk@glow.test");
  await openConversation(page, caller);
  const items = page.getByRole("list", { name: "Timeline" }).locator(":scope > li");
  await expect(items.filter({ hasText: "Hot callback task" })).toHaveCount(1);
  const texts = await items.allTextContents();
  const reply = texts.findIndex((t) => t.includes("Can I come in today?") && !t.includes("callback task"));
  const hot = texts.findIndex((t) => t.includes("Hot callback task"));
  expect(reply).toBeGreaterThanOrEqual(0);
  expect(hot).toBeGreaterThan(reply);
});
