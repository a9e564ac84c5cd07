// Sessions and organizations: signed-out visitors see only the login page, a wrong password is
// refused with a message, and one spa's staff never sees another spa's conversations.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/login.png" });
});

test("a wrong password is refused with a message next to the form", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("desk@glow.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("an empty form shows what is missing next to each field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toContainText("Enter your email address.");
  await expect(page.locator("#password-error")).toContainText("Enter your password.");
});

test("another organization's conversation is not found, even by direct URL", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await expect(page.getByText("Secret Caller")).toHaveCount(0);
  const response = await page.goto(`/inbox/${process.env.E2E_OTHER_CONVERSATION_ID}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Other spa's private message")).toHaveCount(0);
});

test("signing out ends the session, even for a saved copy of the cookie", async ({ page, context }) => {
  await signIn(page, "desk@glow.test");
  const copied = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
  // The old session cookie, replayed, is refused: the session was revoked on the server.
  await context.addCookies(copied);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
