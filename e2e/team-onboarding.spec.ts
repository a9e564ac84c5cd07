// First run in the browser: a new spa signs up and its checklist starts at 0/6; the owner adds the
// number on the location page, sends a test event from Integrations and sees "send a test call"
// tick; invites a coordinator, who accepts the link in another browser, signs in, and cannot open
// settings. Also the CRM webhook: a test event reaches a receiver and shows in the delivery log.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { newCaller } from "./phone";
import { shootBothSizes } from "./screenshot";
import { signIn } from "./sign-in";

const PASSWORD = "new-spa-password-2026";

const checklistStep = (page: Page, title: string) => page.getByRole("listitem").filter({ hasText: title });

async function signUp(page: Page, spaName: string, email: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Spa name").fill(spaName);
  await page.getByLabel("Your name").fill("Nora Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create my spa" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
}

test("a new spa signs up, connects a number, sends a test call and brings in the front desk", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const ownerEmail = `owner-${stamp}@newspa.test`;

  await page.goto("/signup");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create my spa" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("Enter the name of your spa.")).toBeVisible();
  await shootBothSizes(page, "signup");

  await signUp(page, `Halo Skin ${stamp}`, ownerEmail);
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  await expect(page.getByTestId("checklist-progress")).toHaveText("0/6");
  await shootBothSizes(page, "checklist");

  // Step 1: the number callers dial, on the location's settings page (where the checklist links).
  const spaNumber = newCaller();
  await checklistStep(page, "Connect a phone number")
    .getByRole("link", { name: /Add number/ })
    .click();
  await expect(page.getByRole("heading", { name: "Main location", level: 1 })).toBeVisible();
  await page.getByLabel("Phone number", { exact: true }).fill(spaNumber.e164);
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.locator("#numbers").getByText(spaNumber.display).first()).toBeVisible();

  // A test event from Integrations: recorded and the checklist ticks it; no text-back yet, because
  // this spa has no opening hours or booking link (issue 13), and the result says so.
  await page.goto("/settings/integrations");
  await page.getByRole("button", { name: "Send a test event (Twilio)" }).click();
  await expect(page.getByText("HTTP 200")).toBeVisible();
  await expect(page.getByText(/Recorded a missed call to Main location; no text-back this time: This location is not set up yet/)).toBeVisible();
  await shootBothSizes(page, "integrations");
  await page.goto("/inbox");
  await expect(checklistStep(page, "Send a test call")).toHaveAttribute("data-done", "true");
  await expect(checklistStep(page, "Connect a phone number")).toHaveAttribute("data-done", "false");
  await expect(page.getByTestId("checklist-progress")).toHaveText("1/6");
  await expect(page.getByText("Test caller (Rebound)").first()).toBeVisible();

  // Invite the desk: a link shown once, copied by hand (no email is sent).
  await page.goto("/settings/team");
  await expect(page.getByText("Rebound does not send emails yet")).toBeVisible();
  const deskEmail = `desk-${stamp}@newspa.test`;
  await page.getByLabel("Email", { exact: true }).fill(deskEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("coordinator");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByLabel("invite link", { exact: true });
  await expect(link).toHaveText(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const inviteUrl = (await link.textContent()) ?? "";
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(deskEmail)).toBeVisible();
  await shootBothSizes(page, "team");

  // The coordinator, in a browser of their own.
  const desk = await browser.newContext();
  const deskPage = await desk.newPage();
  await deskPage.goto(new URL(inviteUrl).pathname);
  await expect(deskPage.getByRole("heading", { name: `Join Halo Skin ${stamp}` })).toBeVisible();
  await expect(deskPage.getByText("as a coordinator")).toBeVisible();
  await shootBothSizes(deskPage, "invite");
  await deskPage.getByLabel("Your name").fill("Dev Desk");
  await deskPage.getByLabel("Choose a password").fill(PASSWORD);
  await deskPage.getByRole("button", { name: "Join the team" }).click();
  await expect(deskPage.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await deskPage.getByRole("button", { name: "Sign out" }).click();
  await signIn(deskPage, deskEmail, PASSWORD);
  await expect(deskPage.getByRole("heading", { name: "Getting started" })).toHaveCount(0);
  await deskPage.goto("/settings/team");
  await expect(deskPage).toHaveURL(/\/inbox\?denied=1$/);

  // The link worked once.
  await deskPage.goto(new URL(inviteUrl).pathname);
  await expect(deskPage.getByText("This invitation has already been used.")).toBeVisible();
  await desk.close();

  await page.goto("/inbox");
  await expect(checklistStep(page, "Invite the front desk")).toHaveAttribute("data-done", "true");
  await page.goto("/settings/team");
  await expect(page.getByText(deskEmail)).toBeVisible();
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText("No pending invitations.")).toBeVisible();
});

test("the CRM webhook: a signed test event reaches the CRM and shows as delivered, and can be replayed", async ({ page }) => {
  const received: string[] = [];
  const crm: Server = createServer((req, res) => {
    if (typeof req.headers["webhook-signature"] === "string") received.push(String(req.headers["webhook-id"]));
    req.resume();
    req.on("end", () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => crm.listen(0, "127.0.0.1", resolve));
  try {
    await signUp(page, `CRM Spa ${Date.now().toString(36)}`, `crm-${Date.now().toString(36)}@newspa.test`);
    await page.goto("/settings/crm");
    await page.getByRole("button", { name: "Send a test event to the CRM" }).click();
    await expect(page.getByText("Save your CRM's webhook URL first.")).toBeVisible();
    await page.getByLabel("Webhook URL").fill(`http://127.0.0.1:${(crm.address() as AddressInfo).port}/rebound`);
    await page.getByRole("button", { name: "Save URL" }).click();
    await expect(page.getByText("Saved. New events are sent to this address.")).toBeVisible();
    await page.getByRole("button", { name: "Generate a secret" }).click();
    await expect(page.getByLabel("CRM signing secret", { exact: true })).toHaveText(/^whsec_•+/);
    await page.getByRole("button", { name: "Reveal" }).click();
    await expect(page.getByLabel("CRM signing secret", { exact: true })).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await page.getByRole("button", { name: "Send a test event to the CRM" }).click();
    const log = page.getByRole("region", { name: "Delivery log" });
    await expect(log.getByText("Delivered")).toBeVisible();
    await expect(log.getByText("HTTP 204")).toBeVisible();
    expect(received).toHaveLength(1);
    await log.getByRole("button", { name: /^Replay contact\.tagged/ }).click();
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]).toBe(received[0]); // the same webhook-id, so the CRM can dedupe
    await page.reload();
    await shootBothSizes(page, "crm");
  } finally {
    await new Promise((resolve) => crm.close(resolve));
  }
});

test("a coordinator's invitation link cannot be forged, and direct settings URLs refuse coordinators", async ({ page }) => {
  await page.goto(`/invite/${"A".repeat(43)}`);
  await expect(page.getByText("This invitation link is not valid.")).toBeVisible();
  await signIn(page, "desk@glow.test");
  for (const path of ["/settings/team", "/settings/integrations", "/settings/crm", "/getting-started"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/inbox\?denied=1$/);
  }
});
