// The recovery forecast opens on the brief's worked example, updates as the owner types, and the
// link carries the numbers; coordinators do not see revenue unless an owner allows it.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("the owner sees the worked example, changes it, and the link keeps the new numbers", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.getByRole("link", { name: "ROI" }).click();
  await expect(page.getByRole("heading", { name: "Recovery forecast" })).toBeVisible();
  await expect(page.getByTestId("forecast-missed")).toHaveText("74");
  await expect(page.getByTestId("forecast-reengaged")).toHaveText("22");
  await expect(page.getByTestId("forecast-booked")).toHaveText("8");
  await expect(page.getByTestId("forecast-revenue")).toHaveText("$11,200");
  await page.screenshot({ path: "test-results/screenshots/roi-forecast-desktop.png" });

  // 500 × 23% = 115 missed → 34.5 → 35 re-engaged → 12.25 → 12 booked × $1,400 = $16,800.
  await page.getByLabel("Inbound calls a month (calls)").fill("500");
  await expect(page.getByTestId("forecast-missed")).toHaveText("115");
  await expect(page.getByTestId("forecast-reengaged")).toHaveText("35");
  await expect(page.getByTestId("forecast-booked")).toHaveText("12");
  await expect(page.getByTestId("forecast-revenue")).toHaveText("$16,800");
  await expect(page).toHaveURL(/calls=500/);
  await page.reload();
  await expect(page.getByTestId("forecast-revenue")).toHaveText("$16,800");

  await page.getByLabel("Missed-call rate (%)").fill("140");
  await expect(page.locator("#missedRatePct-error")).toHaveText("Use a percentage from 0 to 100.");
});

test("a coordinator is not shown revenue figures by default", async ({ page }) => {
  await signIn(page, "desk@glow.test");
  await expect(page.getByRole("link", { name: "ROI" })).toHaveCount(0);
  await page.goto("/roi");
  await expect(page).toHaveURL(/\/inbox\?denied=1/);
});

test("when the owner lets coordinators see revenue, the desk gets the dashboard; turning it off takes it away", async ({ browser }) => {
  const owner = await browser.newPage();
  await signIn(owner, "owner@glow.test");
  const setRevenue = async (on: boolean) => {
    await owner.goto("/settings");
    const box = owner.getByLabel("Coordinators can see revenue");
    if ((await box.isChecked()) !== on) await box.click();
    await owner.getByRole("button", { name: "Save" }).click();
    await expect(owner.getByText("Saved.")).toBeVisible();
  };
  const desk = await browser.newPage();
  try {
    await setRevenue(true);
    await signIn(desk, "desk@glow.test");
    await desk.goto("/roi");
    await expect(desk.getByTestId("roi-dashboard")).toBeVisible();
    await expect(desk.getByText("Recovered revenue").first()).toBeVisible();
  } finally {
    await setRevenue(false);
  }
  await desk.goto("/roi");
  await expect(desk).toHaveURL(/\/inbox\?denied=1/);
  await desk.goto("/roi/export/bookings.csv");
  await expect(desk.locator("body")).toContainText(/owners/i);
});
