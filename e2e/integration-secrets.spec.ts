// An owner's own webhook secrets in Settings → Integrations: turned on (shown once), rotated (the old
// one accepted for 24 hours, and the page says until when), and turned off only after a confirmation.
import { expect, test } from "@playwright/test";

test("a new spa turns the generic webhook on, rotates its secret and turns it off only when it confirms", async ({ page }) => {
  const stamp = Date.now().toString(36);
  await page.goto("/signup");
  await page.getByLabel("Spa name").fill(`Secret Spa ${stamp}`);
  await page.getByLabel("Your name").fill("Sam Owner");
  await page.getByLabel("Email").fill(`owner-${stamp}@secrets.test`);
  await page.getByLabel("Password").fill("secret-spa-password-2026");
  await page.getByRole("button", { name: "Create my spa" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();

  await page.goto("/settings/integrations");
  const generic = page.locator("section").filter({ has: page.getByRole("heading", { name: "Any other phone system" }) });
  await expect(generic.getByText("Off", { exact: true })).toBeVisible();
  await expect(generic.getByText(/webhooks from this phone system are refused/)).toBeVisible();

  await generic.getByRole("button", { name: "Turn on: generate a secret" }).click();
  await expect(generic.getByText(/shown only this once/)).toBeVisible();
  await expect(generic.getByText("On", { exact: true })).toBeVisible();

  await generic.getByRole("button", { name: "Rotate: generate a new secret" }).click();
  await expect(generic.getByText(/The secret it replaced .* is still accepted until/)).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/integration-secrets.png", fullPage: true });

  // A stray click is not enough: dismissing the question keeps the integration on.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await generic.getByRole("button", { name: "Turn off" }).click();
  await expect(generic.getByText("On", { exact: true })).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await generic.getByRole("button", { name: "Turn off" }).click();
  await expect(generic.getByText("Off", { exact: true })).toBeVisible();
  await expect(generic.getByRole("button", { name: "Turn on: generate a secret" })).toBeVisible();
});
