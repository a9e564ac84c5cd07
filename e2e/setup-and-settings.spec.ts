// Issue 13 in the browser: a new spa (signed up from a browser set to UTC) is asked for its hours and
// booking link before its number, is told its automatic texts are held, and its first caller gets a
// callback instead of a "we're closed" text; the time zone select saves exactly the zone chosen;
// unsaved weekly hours survive another form's save and leaving asks first; Mark booked fills in the
// chosen treatment's value and requires one; the owner sets those values in Settings → Treatments.
import { expect, test, type Page } from "@playwright/test";
import { makeCallbacksDueNow } from "./database";
import { missedCall, newCaller, sentTexts, textFromCaller } from "./phone";
import { shootBothSizes } from "./screenshot";
import { signIn } from "./sign-in";

const PASSWORD = "new-spa-password-2026";

async function signUp(page: Page, spaName: string, email: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Spa name").fill(spaName);
  await page.getByLabel("Your name").fill("Uma Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create my spa" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
}

const steps = (page: Page) => page.getByRole("region", { name: "Getting started" }).getByRole("listitem");

test("a new spa: hours and booking link come first, texts are held until both are set, the time zone saves what was chosen, unsaved hours are kept and warned about", async ({
  browser,
}) => {
  // A browser set to UTC: the spa's location is stored in a zone the select does not offer.
  const context = await browser.newContext({ timezoneId: "UTC", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const stamp = Date.now().toString(36);
  await signUp(page, `Halo Skin ${stamp}`, `utc-${stamp}@newspa.test`);

  // Getting started: hours and booking link before the number, and texts held, said plainly.
  await page.goto("/getting-started");
  await expect(page.getByRole("heading", { name: "Getting started", level: 1 })).toBeVisible();
  const titles = await steps(page).locator("p.font-medium").allInnerTexts();
  expect(titles.map((t) => t.replace(/^To do:\s*/, "")).slice(0, 3)).toEqual([
    "Set your opening hours",
    "Add your booking link",
    "Connect a phone number and paste the webhook URL",
  ]);
  await expect(page.getByTestId("texting-statement")).toHaveText(
    "Texts held. Automatic texts are held until opening hours and a booking link are set. Until then Rebound records every missed call and opens a callback for the desk, but texts no one.",
  );
  await shootBothSizes(page, "getting-started-new-spa");

  // The location page: held, and why; the number is added; its first caller is not texted.
  await page.getByRole("link", { name: /Set hours/ }).click();
  await expect(page.getByRole("heading", { name: "Main location", level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("location-setup-notice")).toContainText("Automatic texts held: this location needs opening hours and a booking link.");
  await expect(page.getByTestId("hours-not-set-up")).toContainText("Hours not set up.");
  await expect(page.locator("#hours").getByText("Closed")).toHaveCount(0); // no hours is "not set", never "closed"
  const spaNumber = newCaller();
  await page.getByLabel("Phone number", { exact: true }).fill(spaNumber.e164);
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.locator("#numbers").getByText(spaNumber.display).first()).toBeVisible();

  const early = newCaller();
  expect(await missedCall(early.e164, spaNumber.e164)).toBe(200);
  await page.goto("/inbox");
  await page.getByTestId("conversation-row").filter({ hasText: early.display }).click();
  await expect(page.getByText(/^Not texted: This location is not set up yet: automatic texts are held until an owner sets its opening hours and booking link/)).toBeVisible();
  await expect(page.getByTestId("timeline-callback")).toContainText("automatic texts are held until this location's hours and booking link are set");
  await expect(page.getByText(/closed right now/i)).toHaveCount(0);
  expect((await sentTexts()).filter((t) => t.to === early.e164)).toEqual([]);
  await page.goto("/calls");
  await expect(page.getByTestId("table-row").filter({ hasText: early.display }).getByTestId("call-outcome")).toHaveText(/^Not texted: This location is not set up yet/);

  // The time zone: stored UTC (not in the list) is shown as it is; Pacific chosen and saved stays Pacific.
  await page.goto("/getting-started");
  await page.getByRole("link", { name: /Add link/ }).click();
  await page.waitForLoadState("networkidle"); // hydrated: a choice made before would be reverted
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue(/UTC/);
  await expect(zone.locator("option:checked")).toContainText("choose a zone from the list");
  await zone.selectOption("America/Los_Angeles");
  await page.getByLabel("Booking URL").fill("https://book.haloskin.example/");
  const details = page.locator("#details");
  await details.getByRole("button", { name: "Save location" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");
  await expect(zone).toHaveValue("America/Los_Angeles");
  await expect(zone.locator("option:checked")).toHaveText("Pacific · Los Angeles");
  // The next save (nothing changed) must not store another zone.
  await details.getByRole("button", { name: "Save location" }).click();
  await expect(zone).toHaveValue("America/Los_Angeles");
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Los_Angeles");
  await expect(page.getByText("Read in America/Los_Angeles.", { exact: false })).toBeVisible();
  await expect(page.getByTestId("location-setup-notice")).toContainText("this location needs opening hours.");

  // Weekly hours edited but not saved: another form's save keeps them, and says they are unsaved.
  await page.getByRole("button", { name: "Add a shift on Monday" }).click();
  await expect(page.getByLabel("Monday shift 1 opens")).toHaveValue("09:00");
  await page.getByLabel("Monday shift 1 closes").fill("18:30");
  const hours = page.locator("#hours");
  await expect(hours.getByTestId("unsaved-note")).toHaveText("Unsaved changes to the weekly hours.");
  await page.locator("#name").fill("Halo Downtown");
  await expect(details.getByTestId("unsaved-note")).toHaveText("Unsaved changes to the location details.");
  await details.getByRole("button", { name: "Save location" }).click();
  await expect(page.getByRole("heading", { name: "Halo Downtown", level: 1 })).toBeVisible();
  await expect(details.getByTestId("unsaved-note")).toHaveCount(0);
  await expect(page.getByLabel("Monday shift 1 closes")).toHaveValue("18:30");
  await expect(hours.getByTestId("unsaved-note")).toHaveText("Unsaved changes to the weekly hours.");
  await shootBothSizes(page, "settings-location-new-spa");

  // Leaving with them asks first; staying keeps them.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "← Locations" }).click();
  await expect.poll(() => asked).toEqual(["You have unsaved changes to the weekly hours. Leave this page without saving them?"]);
  await expect(page.getByRole("heading", { name: "Halo Downtown", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Monday shift 1 closes")).toHaveValue("18:30");

  // Saved: nothing is held back any more, and leaving asks nothing.
  await hours.getByRole("button", { name: "Save hours" }).click();
  await expect(hours.getByRole("status")).toHaveText("Hours saved.");
  await expect(hours.getByTestId("unsaved-note")).toHaveCount(0);
  await expect(page.getByTestId("location-setup-notice")).toHaveCount(0);
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole("link", { name: "← Locations" }).click();
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible();
  expect(asked).toHaveLength(1);
  await page.goto("/getting-started");
  await expect(page.getByTestId("texting-statement")).toHaveText("Texts on. Automatic texts are on: every missed caller gets a text-back with your booking link.");
  await expect(steps(page).filter({ hasText: "Set your opening hours" })).toHaveAttribute("data-done", "true");
  await expect(steps(page).filter({ hasText: "Add your booking link" })).toHaveAttribute("data-done", "true");
  await context.close();
});

test("Mark booked fills in the chosen treatment's value, keeps a typed one, and requires a value", async ({ page }) => {
  const caller = newCaller();
  expect(await textFromCaller(caller.e164, "Can I come in today?")).toBe(200);
  await makeCallbacksDueNow(caller.e164);
  await signIn(page, "owner@glow.test");
  await page.goto("/callbacks");
  const card = page.getByTestId("callback-card").filter({ hasText: caller.display });
  await card.getByRole("button", { name: "Complete…" }).click();
  await card.getByRole("button", { name: "Booked…" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark booked" });
  const value = dialog.getByLabel("Value (US dollars)");
  const treatment = dialog.getByLabel("Treatment");

  await expect(value).toHaveValue(""); // no silent default
  await dialog.getByRole("button", { name: "Botox", exact: true }).click();
  await expect(value).toHaveValue("650");
  await expect(value).toHaveAccessibleDescription(/From the treatment menu \(Botox\)/);
  await shootBothSizes(page, "mark-booked");
  await treatment.fill("Lip filler");
  await expect(value).toHaveValue("900");
  await value.fill("700");
  await treatment.fill("Morpheus8");
  await expect(value).toHaveValue("700"); // typed by the desk: kept
  await value.fill("");
  await treatment.fill("");
  await dialog.getByRole("button", { name: "Save booking" }).click();
  await expect(treatment).toHaveAccessibleDescription("Enter the treatment.");
  await expect(value).toHaveAccessibleDescription(/Enter the value in dollars, e\.g\. 450\./);

  await dialog.getByRole("button", { name: "Botox", exact: true }).click();
  await expect(value).toHaveValue("650");
  const conversation = await card.getByRole("link", { name: "Open conversation" }).getAttribute("href");
  await dialog.getByRole("button", { name: "Save booking" }).click();
  await expect(dialog).toBeHidden();

  // The owner sees the value; the caller, a new lead, is a client now.
  await page.goto(conversation!);
  await expect(page.getByTestId("booking").filter({ hasText: "Botox" })).toContainText("Botox · $650");
  await expect(page.locator("header", { has: page.locator("#conversation-heading") }).getByText("Client", { exact: true })).toBeVisible();
  await expect(page.getByText("Now a client: they booked.")).toBeVisible();
});

test("the owner sets a value per treatment in Settings → Treatments; Mark booked uses it", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Treatments" }).click();
  await expect(page.getByRole("heading", { name: "Treatments", level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const botox = page.getByLabel("Usual value of Botox, in dollars");
  await expect(botox).toHaveValue("650");
  await shootBothSizes(page, "settings-treatments");

  await botox.fill("lots");
  await page.getByRole("button", { name: "Save menu" }).click();
  await expect(page.getByText("Enter the value in dollars, e.g. 450, or leave it empty.")).toBeVisible();
  await botox.fill("675");
  await page.getByRole("button", { name: "+ Add treatment" }).click();
  await page.getByLabel("Treatment 11").fill("Brow lamination");
  await page.getByLabel("Usual value of Brow lamination, in dollars").fill("120");
  await expect(page.getByTestId("unsaved-note")).toHaveText("Unsaved changes to the treatment menu.");
  await page.getByRole("button", { name: "Save menu" }).click();
  await expect(page.getByRole("region", { name: "Treatment menu" }).getByRole("status")).toHaveText("Menu saved.");
  await page.reload();
  await expect(page.getByLabel("Usual value of Botox, in dollars")).toHaveValue("675");
  await expect(page.getByLabel("Usual value of Brow lamination, in dollars")).toHaveValue("120");

  const caller = newCaller();
  expect(await textFromCaller(caller.e164, "Can I come in today?")).toBe(200);
  await makeCallbacksDueNow(caller.e164);
  await page.goto("/callbacks");
  const card = page.getByTestId("callback-card").filter({ hasText: caller.display });
  await card.getByRole("button", { name: "Complete…" }).click();
  await card.getByRole("button", { name: "Booked…" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark booked" });
  await dialog.getByLabel("Treatment").fill("brow lamination");
  await expect(dialog.getByLabel("Value (US dollars)")).toHaveValue("120");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Put the demo menu back for the tests after this one.
  await page.goto("/settings/treatments");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Usual value of Botox, in dollars").fill("650");
  await page.getByRole("button", { name: "Remove Brow lamination" }).click();
  await page.getByRole("button", { name: "Save menu" }).click();
  await expect(page.getByRole("region", { name: "Treatment menu" }).getByRole("status")).toHaveText("Menu saved.");
});
