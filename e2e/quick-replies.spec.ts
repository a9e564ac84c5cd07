// Quick replies are shared by the whole team (issue 13, item 12): deleting one asks first, naming the
// reply and saying it goes for everyone; afterwards Undo brings it back, for everyone.
import { expect, test } from "@playwright/test";
import { shootBothSizes } from "./screenshot";
import { signIn } from "./sign-in";

test("deleting a shared quick reply is confirmed, can be kept, and can be undone for the whole team", async ({ page, browser }) => {
  await signIn(page, "desk@glow.test");
  await page.getByTestId("conversation-row").first().click();
  await page.getByRole("button", { name: /Quick replies/ }).click();
  await page.getByRole("button", { name: /Manage quick replies/ }).click();
  const manager = page.getByRole("dialog", { name: "Quick replies" });

  const title = "Where to park";
  await manager.getByLabel("Title").fill(title);
  await manager.getByLabel("Text").fill("Free parking behind the building, entrance on 3rd Street.");
  await manager.getByRole("button", { name: "Save quick reply" }).click();
  await expect(manager.getByText(title, { exact: true })).toBeVisible();

  // One click only asks: the question names the reply and says it is shared with the whole team.
  await manager.getByRole("button", { name: `Delete “${title}”` }).click();
  const question = manager.getByTestId("quick-reply-confirm");
  await expect(question).toContainText(`Delete “${title}” for the whole team?`);
  await expect(question).toContainText("shared");
  await expect(manager.getByRole("button", { name: "Delete for everyone" })).toBeFocused();
  await shootBothSizes(page, "quick-replies-delete", { fullPage: false });
  await manager.getByRole("button", { name: "Keep it" }).click();
  await expect(question).toHaveCount(0);
  await expect(manager.getByText(title, { exact: true })).toBeVisible();

  // Confirmed: gone for a teammate too.
  await manager.getByRole("button", { name: `Delete “${title}”` }).click();
  await manager.getByRole("button", { name: "Delete for everyone" }).click();
  await expect(manager.getByText(title, { exact: true })).toHaveCount(0);
  const undo = manager.getByTestId("quick-reply-undo");
  await expect(undo).toContainText(`Deleted “${title}” for the whole team.`);
  await expect(undo.getByRole("button", { name: "Undo" })).toBeFocused();
  await shootBothSizes(page, "quick-replies-undo", { fullPage: false });

  const owner = await browser.newPage();
  await signIn(owner, "owner@glow.test");
  await owner.getByTestId("conversation-row").first().click();
  await owner.getByRole("button", { name: /Quick replies/ }).click();
  await expect(owner.getByRole("button", { name: new RegExp(title) })).toHaveCount(0);

  // Undo: back in the list, and back for the teammate.
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(manager.getByText(`Restored “${title}” for the whole team.`)).toBeVisible();
  await expect(manager.getByText(title, { exact: true })).toBeVisible();
  await owner.reload();
  await owner.getByRole("button", { name: /Quick replies/ }).click();
  await expect(owner.getByRole("button", { name: new RegExp(title) })).toBeVisible();
  await owner.close();
});
