// When the platform held texts back (a daily cap, a country not turned on) in the last 24 hours,
// owners see how many, why and what to do on every dashboard page; coordinators do not.
import { expect, test } from "@playwright/test";
import { and, eq, inArray } from "drizzle-orm";
import { events, organizations } from "@/db/schema";
import { withE2eDb } from "./database";
import { signIn } from "./sign-in";

const REASONS = ["daily_cap_reached", "daily_cap_reached", "daily_cap_reached", "country_not_enabled"];

test.beforeAll(async () => {
  await withE2eDb(async (db) => {
    const [glow] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "glow"));
    await db.insert(events).values(REASONS.map((reason) => ({ orgId: glow!.id, type: "refused" as const, reason, detail: { kind: "automatic" } })));
  });
});

// The banner would show on every later spec's pages: the rows are taken out again.
test.afterAll(async () => {
  await withE2eDb((db) => db.delete(events).where(and(eq(events.type, "refused"), inArray(events.reason, ["daily_cap_reached", "country_not_enabled"]))));
});

test("owners see the held-back texts on every page, with what to do", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  const banner = page.getByTestId("held-texts-banner");
  await expect(banner).toContainText("3 texts were not sent in the last 24 hours: your organization reached its daily limit");
  await expect(banner).toContainText("1 text was not sent in the last 24 hours: the number is in a country your organization does not text.");
  await page.screenshot({ path: "test-results/screenshots/held-texts-banner.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(banner.getByRole("link", { name: "Choose countries" })).toBeInViewport();
  await page.screenshot({ path: "test-results/screenshots/held-texts-banner-phone.png" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await banner.getByRole("link", { name: "Choose countries" }).click();
  await expect(page.getByText("Countries Rebound texts", { exact: true })).toBeVisible();
  await expect(page.getByTestId("held-texts-banner")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "United States" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Canada" })).toBeChecked();
});

test("coordinators do not see it", async ({ page }) => {
  await signIn(page, "desk@glow.test");
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await expect(page.getByTestId("held-texts-banner")).toHaveCount(0);
});
