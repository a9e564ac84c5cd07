// Issue 13, items 10, 11 and 14 in the browser: on /roi each word has one meaning (every place a
// rate is shown agrees, the retired words are gone, the page's glossary is the docs' one); the trend
// charts follow the chosen range and mark a partial month; a new spa's test event shows in the call
// log as Test and nowhere on /roi; /roi/list writes phone numbers and times for people.
// Screenshots: test-results/screenshots/roi-words-*.png (desktop and phone).
import { expect, test, type Page } from "@playwright/test";
import { RETIRED_WORDS, ROI_TERMS } from "@/lib/roi/glossary";
import { newCaller } from "./phone";
import { shootBothSizes } from "./screenshot";
import { signIn } from "./sign-in";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const shortMonth = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ’${month.slice(2, 4)}`;
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const addMonths = (month: string, n: number) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1)).toISOString().slice(0, 7);

const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ""));
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
/** The trend chart's month labels, as drawn on its first axis. */
const trendMonths = (page: Page) => page.locator('figure[data-chart="trend"] .recharts-xAxis-tick-labels').first().locator(".recharts-cartesian-axis-tick-value").allTextContents();

test("each word on /roi has one meaning: every place a rate is shown agrees, and the glossary is the docs' one", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.goto("/roi");
  await expect(page.getByRole("heading", { name: "Return on Rebound" })).toBeVisible();

  const missed = await numberIn(page, "roi-missed");
  const reEngaged = await numberIn(page, "roi-re-engaged");
  const recovered = await numberIn(page, "roi-recovered-clients");
  expect(missed).toBeGreaterThan(0);
  expect(recovered).toBeGreaterThan(0);
  expect(recovered).toBeLessThan(reEngaged);

  // "Recovered rate" is recovered ÷ missed wherever it appears; "re-engaged rate" is re-engaged ÷ missed.
  const recoveredRates = await page.locator('[data-term="recoveredRate"]').allInnerTexts();
  expect(recoveredRates.length).toBeGreaterThanOrEqual(2);
  expect(new Set(recoveredRates)).toEqual(new Set([pct(recovered, missed)]));
  await expect(page.locator('[data-term="reEngagedRate"]')).toHaveText(pct(reEngaged, missed));
  const benchmark = page.getByTestId("benchmark-table").getByRole("row", { name: /Re-engaged rate/ });
  await expect(benchmark).toContainText(pct(reEngaged, missed));
  expect(pct(reEngaged, missed)).not.toBe(pct(recovered, missed));

  // The funnel's last stage and the stage table's columns are the glossary's words.
  await expect(page.locator('figure[data-chart="funnel"]')).toContainText(`${recovered} recovered`);
  await expect(page.getByTestId("stage-actuals").locator("thead th")).toHaveText(["Month", "Missed calls", "Re-engaged", "Recovered", "Recovered revenue"]);

  // Words that meant two things are gone from the whole page.
  const text = (await page.getByTestId("roi-dashboard").innerText()).toLowerCase();
  for (const word of RETIRED_WORDS) expect(text, word).not.toContain(word);

  // "What the words mean" on the page is the glossary, word for word (docs/roi.md has the same, pinned by a unit test).
  await page.getByTestId("roi-glossary").locator("summary").click();
  for (const [key, { term, definition }] of Object.entries(ROI_TERMS)) {
    const entry = page.locator(`[data-term-definition="${key}"]`);
    await expect(entry.locator("dt")).toHaveText(term);
    await expect(entry.locator("dd")).toHaveText(definition);
  }
  await shootBothSizes(page, "roi-words");
});

test("the trend charts show the chosen range's months, and a partial month is marked as one", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.goto("/roi");
  const to = await page.getByLabel("To", { exact: true }).inputValue();
  const from = await page.getByLabel("From", { exact: true }).inputValue();
  const thisMonth = to.slice(0, 7);
  const months = [addMonths(thisMonth, -2), addMonths(thisMonth, -1), thisMonth];
  expect(from).toBe(`${months[0]}-01`);

  // The default range: two whole months and the current one, which is not over (partial).
  await expect.poll(() => trendMonths(page)).toEqual([shortMonth(months[0]!), shortMonth(months[1]!), `${shortMonth(thisMonth)}*`]);
  await expect(page.getByTestId("trend-partial-note")).toContainText(`${MONTHS[Number(thisMonth.slice(5)) - 1]} ${thisMonth.slice(0, 4)} (1–${Number(to.slice(8))} so far)`);
  await expect(page.locator('figure[data-chart="trend"] circle[data-partial="true"]')).toHaveCount(3); // one hollow point per line
  await expect(page.getByTestId("actuals-by-month").locator('tbody tr[data-partial="true"] th')).toHaveText([/so far, partial\)$/]);

  // A range from the middle of one month to the end of the next: two points, the first partial.
  const midFrom = `${months[0]}-15`;
  await page.getByLabel("From", { exact: true }).fill(midFrom);
  await page.getByLabel("To", { exact: true }).fill(lastDay(months[1]!));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${midFrom}&to=${lastDay(months[1]!)}`));
  await expect.poll(() => trendMonths(page)).toEqual([`${shortMonth(months[0]!)}*`, shortMonth(months[1]!)]);
  await expect(page.getByTestId("trend-partial-note")).toContainText(`(15–${Number(lastDay(months[0]!).slice(8))})`);
  await expect(page.getByTestId("stage-actuals").locator("tbody th")).toHaveText([/\(15–\d+, partial\)$/, /^\w{3} \d{4}$/]);
  await expect(page.locator('figure[data-chart="trend"]')).toContainText(`Recovered rate: `);

  // One month: nothing to compare, and the chart draws just that month.
  await page.getByRole("link", { name: "Last month" }).click();
  await expect.poll(() => trendMonths(page)).toEqual([shortMonth(months[1]!)]);
  await expect(page.getByTestId("trend-partial-note")).toHaveCount(0);
});

test("a new spa's test event shows in the call log as Test, and not as activity on /roi", async ({ page }) => {
  const stamp = Date.now().toString(36);
  await page.goto("/signup");
  await page.getByLabel("Spa name").fill(`Test Event Spa ${stamp}`);
  await page.getByLabel("Your name").fill("Tess Owner");
  await page.getByLabel("Email").fill(`owner-${stamp}@test-event.test`);
  await page.getByLabel("Password").fill("test-event-password-2026");
  await page.getByRole("button", { name: "Create my spa" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();

  await page.goto("/settings/locations");
  await page.getByRole("link", { name: "Main location" }).first().click();
  await page.getByLabel("Phone number", { exact: true }).fill(newCaller().e164);
  await page.getByRole("button", { name: "Add number" }).click();
  await page.goto("/settings/integrations");
  await page.getByRole("button", { name: "Send a test event (Twilio)" }).click();
  await expect(page.getByText("HTTP 200")).toBeVisible();

  await page.goto("/calls");
  await expect(page.getByTestId("test-call-badge")).toHaveCount(1);
  await expect(page.getByTestId("test-call-badge")).toHaveText("Test");

  await page.goto("/roi");
  await expect(page.getByTestId("roi-inbound")).toHaveText("0");
  await expect(page.getByTestId("roi-missed")).toHaveText("0");
  await expect(page.getByTestId("roi-re-engaged")).toHaveText("0");
  await expect(page.getByTestId("roi-recovered-clients")).toHaveText("0 recovered calls");
  await expect(page.getByTestId("roi-texted-60s")).toHaveText("—");
  await expect(page.getByTestId("roi-answered-rate")).toHaveText("—");
  await expect(page.getByTestId("roi-median-text")).not.toHaveText(/within/);
  await expect(page.getByTestId("after-hours-rate")).toContainText("—");
  await page.goto("/roi/list?metric=inbound");
  await expect(page.getByRole("heading", { name: "Inbound calls: 0" })).toBeVisible();
  await expect(page.getByText("Nothing here")).toBeVisible();
});

test("/roi/list writes phone numbers and times for people, in the location's timezone", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.goto("/roi");
  await page.getByTestId("roi-missed").click();
  await expect(page).toHaveURL(/\/roi\/list\?metric=missed/);
  const rows = page.getByTestId("metric-rows").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const table = await page.getByTestId("metric-rows").innerText();
  expect(table).not.toMatch(/\+1\d{10}/); // no raw E.164
  expect(table).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no ISO timestamps
  await expect(rows.first().locator("td").nth(2)).toHaveText(/\(\d{3}\) \d{3}-\d{4}/);
  await expect(rows.first().locator("td").first()).toHaveText(/^\w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M P[SD]T$/);
  // The range is written in words, not as ISO dates.
  expect(await page.locator("body").innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  await expect(page.getByText(/\d{1,2} \w{3}( \d{4})? – \d{1,2} \w{3} \d{4} · All locations\./)).toBeVisible();
  await shootBothSizes(page, "roi-words-list");

  await page.goto("/roi/list?metric=bookings");
  const booking = page.getByTestId("metric-rows").locator("tbody tr").first();
  await expect(booking.locator("td").nth(2)).toHaveText(/\(\d{3}\) \d{3}-\d{4}/);
  await expect(booking.locator("td").nth(4)).toHaveText(/^(Booked|Showed)$/);
});
