// Issue 16 item 6 in the browser: the Texting readiness card in each state, with the app's real
// checks against the Twilio stand-in's Messaging v1 answers (the owner's "Check again" and the
// Messaging Service form): the Messaging Service missing, a failed campaign with Twilio's error text
// shown as text, a number paused after a carrier refused it, pending, verified (and resumed), Aircall
// and a PBX number not applicable. A coordinator sees the states and the banner, not the button.
// Screenshots: docs/screenshots/a2p-*.png (with SCREENSHOTS=docs).
import { mkdirSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { pauseSendingNumber } from "@/db/queries/phone-numbers";
import { organizations, phoneNumbers } from "@/db/schema";
import type { StandInA2pService } from "@/tools/twilio-stand-in-a2p";
import { withE2eDb } from "./database";
import { signIn } from "./sign-in";

const DOWNTOWN = "+13105550100";
const MG = "MG" + "a2".repeat(16);

/** Tells the Twilio stand-in (in global setup's process) what the Messaging Service answers. */
async function standInService(service: StandInA2pService): Promise<void> {
  const auth = Buffer.from(`${process.env.E2E_TWILIO_ACCOUNT_SID}:${process.env.E2E_TWILIO_AUTH_TOKEN}`).toString("base64");
  const res = await fetch(`${process.env.E2E_STAND_IN_URL}/__stand-in/a2p/Services/${MG}`, {
    method: "POST",
    headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/json" },
    body: JSON.stringify(service),
  });
  expect(res.status).toBe(200);
}

async function demoOrgId(): Promise<string> {
  return withE2eDb(async (db) => {
    const [row] = await db.select({ orgId: phoneNumbers.orgId }).from(phoneNumbers).where(eq(phoneNumbers.e164, DOWNTOWN));
    return row!.orgId;
  });
}

const PBX = "+13105550180";

/**
 * The demo spa with no Messaging Service and nothing checked. `pbxOnTwilio: false` makes the PBX
 * number one that Twilio does not host (as the proof would find it: it cannot text), whatever an
 * earlier test proved; after the file it is left to be proven again.
 */
async function resetDemo({ pbxOnTwilio }: { pbxOnTwilio: boolean | null }): Promise<void> {
  const orgId = await demoOrgId();
  await withE2eDb(async (db) => {
    await db.update(organizations).set({ twilioMessagingServiceSid: null }).where(eq(organizations.id, orgId));
    await db
      .update(phoneNumbers)
      .set({ a2pStatus: "unknown", a2pDetail: null, a2pCheckedAt: null, sendingPausedAt: null, sendingPausedReason: null })
      .where(eq(phoneNumbers.orgId, orgId));
    const pbx =
      pbxOnTwilio === false
        ? { proofStatus: "cannot_text" as const, proofDetail: "Not on Rebound's Twilio account, so this number cannot text.", twilioOrigin: null, proofCheckedAt: new Date() }
        : { proofStatus: "unchecked" as const, proofDetail: null, twilioOrigin: null, proofCheckedAt: null };
    await db.update(phoneNumbers).set(pbx).where(eq(phoneNumbers.e164, PBX));
  });
}

const numberCard = (page: Page, e164: string): Locator => page.getByTestId("readiness-number").filter({ has: page.getByRole("heading", { name: new RegExp(`^\\${e164}`) }) });
const step = (card: Locator, name: string): Locator => card.getByTestId("readiness-step").filter({ hasText: name });

async function shoot(locator: Locator, name: string): Promise<void> {
  for (const dir of ["test-results/screenshots", ...(process.env.SCREENSHOTS === "docs" ? ["docs/screenshots"] : [])]) {
    mkdirSync(dir, { recursive: true });
    await locator.screenshot({ path: `${dir}/a2p-${name}.png` });
  }
}

async function checkAgain(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Checked \d+ numbers/ })).toBeVisible();
}

test.afterAll(() => resetDemo({ pbxOnTwilio: null }));

test("the texting readiness card in each state, checked for real against the stand-in", async ({ page, browser }) => {
  await resetDemo({ pbxOnTwilio: false });
  await signIn(page, "owner@glow.test");
  await page.goto("/texting");
  await expect(page.getByRole("heading", { name: "Texting readiness", level: 1 })).toBeVisible();

  // No Messaging Service: Rebound cannot tell, and says which step is missing.
  await checkAgain(page);
  const downtown = numberCard(page, DOWNTOWN);
  await expect(downtown).toHaveAttribute("data-status", "unknown");
  await expect(step(downtown, "Messaging Service").getByText("Missing")).toBeVisible();
  await expect(step(downtown, "Messaging Service")).toContainText("No Messaging Service is set. Enter the SID (MG…)");
  await shoot(downtown, "service-missing");

  // Aircall and a PBX number not hosted on Twilio: not applicable, and why.
  const aircall = numberCard(page, "+13105550170");
  await expect(aircall).toHaveAttribute("data-status", "not_applicable");
  await expect(aircall).toContainText("Aircall manages carrier registration; check it in your Aircall dashboard.");
  await shoot(aircall, "not-applicable");
  await expect(numberCard(page, PBX)).toHaveAttribute("data-status", "not_applicable");

  // A failed campaign: Twilio's own error text, markup included, shown as text.
  await standInService({
    numbers: [DOWNTOWN],
    campaign: { status: "FAILED", errors: [{ code: 30896, description: "The <b>campaign description</b> is too vague", fields: ["DESCRIPTION"] }] },
    brand: { status: "APPROVED" },
  });
  await page.getByLabel("Twilio Messaging Service SID").fill(MG);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/^Messaging Service saved\. Checked/)).toBeVisible();
  await expect(downtown).toHaveAttribute("data-status", "failed");
  await expect(step(downtown, "Campaign")).toContainText("30896: The <b>campaign description</b> is too vague (fields: DESCRIPTION)");
  await expect(downtown.locator("b")).toHaveCount(0);
  await expect(step(downtown, "Brand").getByText("Verified")).toBeVisible();
  await shoot(downtown, "failed");

  // A carrier refused a text (the send side pauses the number): paused since, and a banner for everyone.
  await withE2eDb(async (db) => {
    const [row] = await db.select({ id: phoneNumbers.id }).from(phoneNumbers).where(eq(phoneNumbers.e164, DOWNTOWN));
    expect(await pauseSendingNumber({ id: row!.id, reason: "Twilio 30034", at: new Date() }, db)).toBe(true);
  });
  await page.reload();
  await expect(downtown.getByTestId("readiness-paused")).toContainText(/^Blocked: not registered\. Automatic texts from this number are paused since .+ \(Twilio 30034\)\./);
  await expect(page.getByTestId("paused-numbers-banner")).toContainText(`Automatic texts from ${DOWNTOWN} are paused`);
  await shoot(downtown, "paused");

  // A coordinator sees the same states and the banner, without the owner's controls.
  const desk = await browser.newPage();
  await signIn(desk, "desk@glow.test");
  await expect(desk.getByTestId("paused-numbers-banner")).toBeVisible();
  await desk.getByRole("link", { name: "See texting readiness" }).click();
  await expect(numberCard(desk, DOWNTOWN)).toHaveAttribute("data-paused", "true");
  await expect(desk.getByRole("button", { name: "Check again" })).toHaveCount(0);
  await expect(desk.getByLabel("Twilio Messaging Service SID")).toHaveCount(0);
  await desk.close();

  // Carriers reviewing: pending, still paused.
  await standInService({ numbers: [DOWNTOWN], campaign: { status: "IN_PROGRESS" }, brand: { status: "IN_REVIEW" } });
  await checkAgain(page);
  await expect(downtown).toHaveAttribute("data-status", "pending");
  await expect(downtown).toHaveAttribute("data-paused", "true");
  await shoot(downtown, "pending");

  // Verified again: the pause lifts by itself and the owner is told.
  await standInService({ numbers: [DOWNTOWN], campaign: { status: "VERIFIED" }, brand: { status: "APPROVED" } });
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText(`Automatic texts resumed from ${DOWNTOWN}.`)).toBeVisible();
  await expect(downtown).toHaveAttribute("data-status", "verified");
  await expect(downtown).toHaveAttribute("data-paused", "false");
  await expect(page.getByTestId("paused-numbers-banner")).toHaveCount(0);
  await shoot(downtown, "verified");
  await withE2eDb(async (db) => {
    const [row] = await db.select({ pausedAt: phoneNumbers.sendingPausedAt }).from(phoneNumbers).where(eq(phoneNumbers.e164, DOWNTOWN));
    expect(row?.pausedAt).toBeNull();
  });

  // The registration form's samples, from the location's real templates, and their download.
  const pack = page.getByTestId("sample-pack").filter({ hasText: "Downtown" });
  await expect(pack.getByRole("listitem")).toHaveCount(4);
  await expect(pack.getByRole("listitem").first()).toContainText("Reply STOP to opt out.");
  const href = await pack.getByRole("link", { name: "Download .txt" }).getAttribute("href");
  const download = await page.request.get(href ?? "/texting/samples");
  expect(download.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await download.text()).toContain("Sample 1 (Open hours):");
  await shoot(page.getByTestId("texting-readiness"), "card");
});
