// Small things that told the desk something untrue or hid it (issue 13, item 14): filter menus cut
// off in the desktop inbox column, a template preview whose link is not the one texts carry, and a
// voicemail shown beside "lasted 0:00", and "1 missed calls". (The rules themselves:
// components/roi/format.test.ts and lib/calls/call-length.test.ts.)
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { loadRangeTotals, organizationToday } from "@/db/queries/roi";
import { organizations } from "@/db/schema";
import { rangeQuery, type RoiRange } from "@/lib/roi/range";
import { withE2eDb } from "./database";
import { missedCall, missedCallWithVoicemail, newCaller, sentTexts } from "./phone";
import { signIn } from "./sign-in";

const TRACKED_LINK = /(https?:\/\/[^\s/]+)\/b\/[0-9A-Za-z]{10}\b/;

test("at 1440 px every inbox filter menu is wide enough for its longest choice", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "desk@glow.test");
  const menus = page.getByRole("search", { name: "Search and filter conversations" }).locator("select");
  await expect(menus).toHaveCount(3);
  await page.locator("#inbox-status").selectOption("all");
  await expect(page).toHaveURL(/status=all/);
  await expect(page.locator("#inbox-status")).toHaveValue("all");
  const widths = await menus.evaluateAll((selects) =>
    selects.map((select) => {
      // The same menu left to its natural width: as wide as its longest option plus the arrow.
      const natural = select.cloneNode(true) as HTMLSelectElement;
      natural.style.cssText = "position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;flex:none";
      document.body.append(natural);
      const need = natural.getBoundingClientRect().width;
      natural.remove();
      return { id: select.id, have: Math.round(select.getBoundingClientRect().width), need: Math.round(need) };
    }),
  );
  for (const menu of widths) expect(menu.have, `${menu.id}: ${menu.have}px shown, ${menu.need}px needed`).toBeGreaterThanOrEqual(menu.need);
  await page.screenshot({ path: "test-results/screenshots/inbox-1440.png" });
});

test("the template preview shows the very link a text carries (scheme included)", async ({ page }) => {
  const caller = newCaller();
  expect(await missedCall(caller.e164)).toBe(200);
  let sent = "";
  await expect
    .poll(async () => {
      sent = (await sentTexts()).find((m) => m.to === caller.e164)?.body ?? "";
      return sent;
    })
    .toMatch(TRACKED_LINK);
  const textLink = TRACKED_LINK.exec(sent)!;

  await signIn(page, "owner@glow.test");
  await page.goto("/settings/templates");
  const preview = page.getByTestId("template-open-preview");
  await expect(preview).toContainText("/b/");
  const previewLink = TRACKED_LINK.exec((await preview.textContent()) ?? "");
  expect(previewLink?.[1], `preview ${previewLink?.[0]} vs text ${textLink[0]}`).toBe(textLink[1]);
  expect(previewLink?.[0].length).toBe(textLink[0].length);
});

test("a voicemail on a call nobody answered shows its length, not 'lasted 0:00'", async ({ page }) => {
  const caller = newCaller();
  expect(await missedCallWithVoicemail(caller.e164, 14)).toBe(200);
  await signIn(page, "desk@glow.test");
  await page.getByLabel("Search by name or phone").fill(caller.e164.slice(-7));
  await page.getByLabel("Search by name or phone").press("Enter");
  await page.getByTestId("conversation-row").first().click();
  const call = page.getByTestId("timeline-call").first();
  await expect(call).toContainText("Missed call · voicemail");
  await expect(call).toContainText("voicemail 0:14");
  await expect(call).not.toContainText("lasted 0:00");
  await expect(call.getByRole("link", { name: "Download voicemail (0:14)" })).toBeVisible();
});

/** A day and location of the demo spa on which exactly one missed call was texted, by the ROI's own figures. */
async function dayWithOneTextedCall(): Promise<RoiRange> {
  return withE2eDb(async (db) => {
    const [glow] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "glow"));
    const orgId = glow!.id;
    const today = new Date(`${await organizationToday({ orgId }, db)}T12:00:00Z`);
    const { locations } = await loadRangeTotals({ orgId, range: { from: "2000-01-01", to: "2000-01-01", locationId: null } }, db);
    for (let back = 1; back <= 80; back++) {
      const day = new Date(today.getTime() - back * 86_400_000).toISOString().slice(0, 10);
      for (const location of locations) {
        const range = { from: day, to: day, locationId: location.id };
        if ((await loadRangeTotals({ orgId, range }, db)).totals.textedCalls === 1) return range;
      }
    }
    throw new Error("no day with exactly one texted missed call in the demo data");
  });
}

test("a count of one reads in the singular on the ROI page: '1 missed call', never '1 missed calls'", async ({ page }) => {
  const range = await dayWithOneTextedCall();
  await signIn(page, "owner@glow.test");
  await page.goto(`/roi?${rangeQuery(range)}`);
  const main = page.locator("main, body").first();
  await expect(main).toContainText("1 missed call texted");
  expect((await main.innerText()).match(/(?<![\d,.])1 (?:[a-z-]+ )?(?:missed )?(?:calls|texts|callers|clients)\b/g)).toBeNull();
});
