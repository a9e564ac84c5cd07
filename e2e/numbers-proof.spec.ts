// Proven numbers in the owner's settings: each number says whether its phone system proved it, why,
// and when; "Check again" asks at once; a number added is checked right away; a number that left its
// account is named in a banner on every page. The Twilio stand-in owns every number it is asked about;
// there are no Quo credentials here, so the Quo line is simulated.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { phoneNumbers } from "@/db/schema";
import { withE2eDb } from "./database";
import { signIn } from "./sign-in";

const ADDED = { e164: "+13105550177", display: "(310) 555-0177" };

const numberRow = (page: Page, display: string) => page.getByRole("list", { name: "Phone numbers" }).getByRole("listitem").filter({ hasText: display });

// The banner would show on every later spec's pages, and the location keeps its three numbers.
test.afterAll(async () => {
  await withE2eDb((db) => db.delete(phoneNumbers).where(eq(phoneNumbers.e164, ADDED.e164)));
});

test("each number shows its proof; Check again asks now; an added number is checked at once; a lost one is named", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.goto("/settings/locations");
  await page.getByRole("link", { name: "Edit Downtown" }).click();
  await expect(page.getByRole("heading", { name: "Downtown", level: 1 })).toBeVisible();

  const expected: [string, string, string][] = [
    ["(310) 555-0100", "Proven", "Proven on Twilio."],
    ["(310) 555-0160", "Simulated", "Simulated: no Quo API key."],
    ["(310) 555-0180", "Proven", "Proven on Twilio."],
  ];
  for (const [display, badge, sentence] of expected) {
    const row = numberRow(page, display);
    await row.getByRole("button", { name: "Check again" }).click();
    await expect(row.getByTestId("number-proof")).toContainText(sentence);
    await expect(row.getByTestId("number-proof")).toContainText(badge);
    await expect(row).toContainText("Last checked");
  }

  await page.getByRole("textbox", { name: "Phone number" }).fill(ADDED.display);
  await page.getByLabel("Label").fill("Promo line");
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.locator("#numbers").getByRole("status")).toHaveText("Number added and checked with its phone system: its status shows in the list above.");
  await expect(numberRow(page, ADDED.display).getByTestId("number-proof")).toContainText("Proven on Twilio.");

  // As the daily re-check leaves a number Twilio no longer lists (tests/integration/number-proof.test.ts
  // walks that path against the stand-in): texts from it stop, and the owner is told everywhere.
  await withE2eDb((db) =>
    db
      .update(phoneNumbers)
      .set({
        proofStatus: "not_found",
        providerNumberId: null,
        proofDetail: "Not on Rebound's Twilio account: texts from it are paused. If the number moved, add it again where it lives now.",
      })
      .where(eq(phoneNumbers.e164, ADDED.e164)),
  );
  await page.reload();
  await expect(numberRow(page, ADDED.display).getByTestId("number-proof")).toContainText("Not on the account");
  const banner = page.getByTestId("number-proof-banner");
  await expect(banner).toContainText("1 of your numbers does not send texts: missed calls to them open a callback task instead.");
  await expect(banner).toContainText(`${ADDED.display} (Downtown): Not on Rebound's Twilio account: texts from it are paused.`);

  // Into docs/screenshots when asked (SCREENSHOTS=docs), as e2e/screenshot.ts does.
  for (const dir of ["test-results/screenshots", ...(process.env.SCREENSHOTS === "docs" ? ["docs/screenshots"] : [])]) {
    mkdirSync(dir, { recursive: true });
    await page.locator("#numbers").screenshot({ path: `${dir}/numbers-proof.png` });
    await banner.screenshot({ path: `${dir}/numbers-proof-banner.png` });
  }

  await page.goto("/inbox");
  await banner.getByRole("link", { name: "Check the number" }).click();
  await expect(page).toHaveURL(/\/settings\/locations\/[0-9a-f-]+#numbers$/);

  // A coordinator sees neither the banner nor the page.
  await page.context().clearCookies();
  await signIn(page, "desk@glow.test");
  await expect(page.getByTestId("number-proof-banner")).toHaveCount(0);
});
