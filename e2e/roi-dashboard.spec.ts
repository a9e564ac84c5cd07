// The owner's ROI dashboard: the worked example beside the measured numbers, every chart drawn,
// the benchmarks, "Use my numbers", the range in the URL, the CSV export links and the printed
// report. Screenshots for the README: desktop, phone and print.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const CHARTS = ["heatmap", "leak-sources", "response-time", "funnel", "after-hours", "trend"];

async function openDashboard(page: Page, query = "") {
  await signIn(page, "owner@glow.test");
  await page.goto(`/roi${query}`);
  await expect(page.getByRole("heading", { name: "Return on Rebound" })).toBeVisible();
}

test("the owner sees the forecast, the measured numbers, every chart and the benchmarks", async ({ page }) => {
  await openDashboard(page);
  await expect(page.getByTestId("forecast-missed")).toHaveText("74");
  await expect(page.getByTestId("forecast-reengaged")).toHaveText("22");
  await expect(page.getByTestId("forecast-booked")).toHaveText("8");
  await expect(page.getByTestId("forecast-revenue")).toHaveText("$11,200");

  // The default range is the current month and the two before it.
  const from = new URL(
    await page
      .getByRole("link", { name: "Last 3 months" })
      .getAttribute("href")
      .then((h) => `http://x${h}`),
  ).searchParams.get("from");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from ?? "");
  await expect(page.getByRole("link", { name: "Last 3 months" })).toHaveAttribute("aria-current", "true");

  await expect(page.getByTestId("roi-recovered-revenue")).toHaveText(/^\$[\d,]+$/);
  await expect(page.getByTestId("roi-median-text")).toHaveText(/^within \d/);
  await expect(page.getByTestId("attribution-rule")).toContainText("within 14 days, after our text, their reply or a tap on the booking link");
  await expect(page.getByTestId("roi-missed").locator("xpath=ancestor::a")).toHaveAttribute("href", /^\/roi\/list\?metric=missed&from=\d{4}-\d{2}-\d{2}&to=/);

  for (const chart of CHARTS) {
    const figure = page.locator(`figure[data-chart="${chart}"]`);
    await expect(figure.locator("svg").first(), `${chart} draws`).toBeVisible();
  }
  await expect(page.locator('figure[data-chart="heatmap"] rect title')).toHaveCount(7 * 24);

  const benchmarks = page.getByTestId("benchmark-table").locator("tbody tr");
  await expect(benchmarks).toHaveCount(5);
  await expect(benchmarks.first()).toContainText(/Meets target|Below target|not enough data/);
  await expect(page.getByTestId("actuals-by-location").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("actuals-by-month").locator("tbody tr")).toHaveCount(3);

  await page.screenshot({ path: "test-results/screenshots/roi-desktop.png", fullPage: true });

  // Tooltips give exact values.
  await page.locator('figure[data-chart="leak-sources"] .recharts-bar-rectangle').first().hover();
  await expect(page.locator('figure[data-chart="leak-sources"]').getByText("Typical: 18–28%")).toBeVisible();
  await expect(page.locator('figure[data-chart="leak-sources"]').getByText(/^Your spa: [\d.]+% \(\d+ missed calls\)$/)).toBeVisible();
});

test("“Use my numbers” loads the measured rates into the forecast and the link keeps them", async ({ page }) => {
  await openDashboard(page);
  const description = await page.getByText(/^Your numbers,/).textContent();
  const match = /: ([\d,]+) calls a month, ([\d.]+)% missed, ([\d.]+)% re-engaged rate, ([\d.]+)% book rate, \$([\d,]+) a client/.exec(description ?? "");
  expect(match, description ?? "").not.toBeNull();
  const [calls, missed, recovered, booked, value] = match!.slice(1).map((s) => s.replaceAll(",", ""));

  await page.getByRole("button", { name: "Use my numbers" }).click();
  await expect(page.getByLabel("Inbound calls a month (calls)")).toHaveValue(calls!);
  await expect(page.getByLabel("Missed-call rate (%)")).toHaveValue(missed!);
  await expect(page.getByLabel("Re-engaged rate (%)")).toHaveValue(recovered!);
  await expect(page.getByLabel("Book rate (%)")).toHaveValue(booked!);
  await expect(page.getByLabel("Average client value ($)")).toHaveValue(value!);
  const expectedMissed = Math.floor(Math.round(((Number(calls) * Number(missed)) / 100) * 1e6) / 1e6 + 0.5);
  await expect(page.getByTestId("forecast-missed")).toHaveText(expectedMissed.toLocaleString("en-US"));
  await expect(page).toHaveURL(new RegExp(`calls=${calls}&missed=${missed}&recovered=${recovered}&booked=${booked}&value=${value}`));

  // A new range keeps the owner's forecast, on screen and in the link.
  await page.getByRole("link", { name: "Last month" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);
  await expect(page).toHaveURL(new RegExp(`calls=${calls}&`));
  await expect(page.getByLabel("Inbound calls a month (calls)")).toHaveValue(calls!);

  await page.getByRole("button", { name: "Worked example" }).click();
  await expect(page.getByTestId("forecast-revenue")).toHaveText("$11,200");
});

test("changing the range or the location updates the URL and the numbers", async ({ page }) => {
  await openDashboard(page);
  const inboundAll = Number((await page.getByTestId("roi-inbound").textContent())?.replaceAll(",", ""));

  await page.getByRole("link", { name: "This month" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-01&to=/);
  await expect(page.getByRole("link", { name: "This month" })).toHaveAttribute("aria-current", "true");
  await expect.poll(async () => Number((await page.getByTestId("roi-inbound").textContent())?.replaceAll(",", ""))).toBeLessThan(inboundAll);

  await page.getByRole("link", { name: "Last 3 months" }).click();
  await expect(page.getByTestId("roi-inbound")).toHaveText(inboundAll.toLocaleString("en-US"));
  await page.getByLabel("Location", { exact: true }).selectOption({ label: "Downtown" });
  await expect(page).toHaveURL(/location=[0-9a-f-]{36}/);
  await expect(page.getByTestId("roi-range")).toContainText("Downtown");
  await expect.poll(async () => Number((await page.getByTestId("roi-inbound").textContent())?.replaceAll(",", ""))).toBeLessThan(inboundAll);

  const to = await page.getByLabel("To", { exact: true }).inputValue();
  await page.getByLabel("From", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${to}&to=${to}`));
  await expect(page.getByTestId("actuals-by-month").locator("tbody tr")).toHaveCount(1);

  // The exports carry the range on screen.
  const calls = page.getByRole("navigation", { name: "Export CSV" }).getByRole("link", { name: "Calls" });
  await expect(calls).toHaveAttribute("href", new RegExp(`^/roi/export/calls\\.csv\\?from=${to}&to=${to}&location=`));
});

test("the CSV exports are one click away, for the range on screen", async ({ page }) => {
  await openDashboard(page, "?from=2026-09-01&to=2026-10-31");
  const exports = page.getByRole("navigation", { name: "Export CSV" });
  for (const [name, file] of [
    ["Calls", "calls"],
    ["Conversations", "conversations"],
    ["Callbacks", "callbacks"],
    ["Bookings", "bookings"],
  ]) {
    await expect(exports.getByRole("link", { name })).toHaveAttribute("href", `/roi/export/${file}.csv?from=2026-09-01&to=2026-10-31`);
  }
});

test("the printed report hides the navigation and the controls and keeps the charts", async ({ page }) => {
  await openDashboard(page);
  await expect(page.locator('figure[data-chart="trend"] svg').first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("search", { name: "Report range" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print report" })).toBeHidden();
  await expect(page.getByText("Rebound · monthly ROI report")).toBeVisible();
  await expect(page.getByTestId("print-header")).toContainText(/Glow Med Spa · \d+ \w+/);
  await expect(page.locator('figure[data-chart="heatmap"] svg').first()).toBeVisible();
  await expect(page.getByTestId("benchmark-table")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/roi-print.png", fullPage: true });
});

test("the dashboard fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDashboard(page);
  await expect(page.locator('figure[data-chart="funnel"] svg').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/roi-phone.png", fullPage: true });
});

test("the recovered clients open the list of the calls behind them, one row per recovered call", async ({ page }) => {
  await openDashboard(page);
  const recovered = Number((await page.getByTestId("roi-recovered-clients").innerText()).replace(/\D/g, ""));
  expect(recovered).toBeGreaterThan(0);
  await page.getByTestId("roi-recovered-clients").click();
  await expect(page).toHaveURL(/\/roi\/list\?metric=recovered&from=/);
  await expect(page.getByRole("heading", { name: `Recovered: ${recovered}` })).toBeVisible();
  const rows = page.getByTestId("metric-rows").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(recovered, 50));
  await expect(rows.first()).toContainText("$");
  await page.screenshot({ path: "test-results/screenshots/roi-list-desktop.png", fullPage: true });
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Return on Rebound" })).toBeVisible();
});
