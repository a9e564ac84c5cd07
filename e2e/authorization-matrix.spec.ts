// The authorization matrix (issue 7, part 3): every page of the app × signed out, coordinator and
// owner, plus another spa's ids, and the CSV and read-API routes without the right credentials.
// A page added without a row here fails the first test, so the matrix cannot fall behind.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import { bookings, organizations } from "@/db/schema";
import { formatCents } from "@/lib/bookings/money";
import { withE2eDb } from "./database";
import { signIn } from "./sign-in";

type Access = "all" | "owner" | "revenue";
/** Every page under app/(dashboard), with who may open it ("revenue": owners, coordinators only if allowed). */
const PAGES: Record<string, { url: () => string; access: Access; otherOrg?: boolean }> = {
  callbacks: { url: () => "/callbacks", access: "all" },
  calls: { url: () => "/calls", access: "all" },
  contacts: { url: () => "/contacts", access: "all" },
  "contacts/[contactId]": { url: () => `/contacts/${process.env.E2E_OTHER_CONTACT_ID}`, access: "all", otherOrg: true },
  "getting-started": { url: () => "/getting-started", access: "owner" },
  inbox: { url: () => "/inbox", access: "all" },
  "inbox/[conversationId]": { url: () => `/inbox/${process.env.E2E_OTHER_CONVERSATION_ID}`, access: "all", otherOrg: true },
  roi: { url: () => "/roi", access: "revenue" },
  "roi/list": { url: () => "/roi/list?metric=missed", access: "revenue" },
  settings: { url: () => "/settings", access: "owner" },
  texting: { url: () => "/texting", access: "all" },
  "settings/api": { url: () => "/settings/api", access: "owner" },
  "settings/crm": { url: () => "/settings/crm", access: "owner" },
  "settings/integrations": { url: () => "/settings/integrations", access: "owner" },
  "settings/locations": { url: () => "/settings/locations", access: "owner" },
  "settings/locations/[locationId]": { url: () => `/settings/locations/${process.env.E2E_OTHER_LOCATION_ID}`, access: "owner", otherOrg: true },
  "settings/team": { url: () => "/settings/team", access: "owner" },
  "settings/templates": { url: () => "/settings/templates", access: "owner" },
  "settings/treatments": { url: () => "/settings/treatments", access: "owner" },
};

function pagesOnDisk(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pagesOnDisk(full, prefix ? `${prefix}/${name}` : name);
    return name === "page.tsx" ? [prefix] : [];
  });
}

async function open(page: Page, url: string) {
  const response = await page.goto(url);
  return { status: response?.status() ?? 0, at: new URL(page.url()) };
}

test("every page of the app has a row in the matrix", () => {
  expect(pagesOnDisk(path.join(process.cwd(), "app/(dashboard)")).sort()).toEqual(Object.keys(PAGES).sort());
});

test("signed out: every page sends the visitor to the login page", async ({ page }) => {
  for (const [name, { url }] of Object.entries(PAGES)) {
    const { at } = await open(page, url());
    expect(at.pathname, name).toBe("/login");
  }
});

test("coordinator: the desk's pages open, settings and revenue are refused, another spa's records are not found", async ({ page }) => {
  await signIn(page, "desk@glow.test");
  for (const [name, { url, access, otherOrg }] of Object.entries(PAGES)) {
    const { status, at } = await open(page, url());
    if (access !== "all") expect(`${at.pathname}${at.search}`, name).toBe("/inbox?denied=1");
    else if (otherOrg) expect(status, name).toBe(404);
    else expect([status, at.pathname], name).toEqual([200, url().split("?")[0]]);
  }
});

test("owner: every page opens, another spa's records are not found", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  for (const [name, { url, otherOrg }] of Object.entries(PAGES)) {
    const { status, at } = await open(page, url());
    if (otherOrg) expect(status, name).toBe(404);
    else expect([status, at.pathname], name).toEqual([200, url().split("?")[0]]);
  }
});

test("routes: CSV exports need a session (and revenue rights for bookings), the read API needs a token, not a session", async ({ page, request }) => {
  const signedOut = await request.get("/roi/export/calls.csv", { maxRedirects: 0 });
  expect([307, 401]).toContain(signedOut.status());
  expect((await request.get("/api/v1/calls")).status()).toBe(401);

  await signIn(page, "desk@glow.test");
  const desk = page.request;
  expect((await desk.get("/roi/export/calls.csv")).status()).toBe(200);
  expect((await desk.get("/roi/export/bookings.csv")).status()).toBe(403);
  // A browser session is not an API credential.
  expect((await desk.get("/api/v1/calls")).status()).toBe(401);
  expect((await desk.get("/api/v1/calls", { headers: { Authorization: "Bearer rb_not-a-real-token" } })).status()).toBe(401);
});

test("markup typed into a template shows as text in the live preview and never runs", async ({ page }) => {
  await signIn(page, "owner@glow.test");
  await page.goto("/settings/templates");
  const payload = `<img src=x onerror="document.title='pwned'"><script>window.pwned=1</script> {spa}`;
  await page.locator("#template-open").fill(payload);
  await expect(page.getByTestId("template-open-preview")).toContainText(`<img src=x onerror="document.title='pwned'"><script>window.pwned=1</script>`);
  expect(await page.title()).not.toBe("pwned");
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.getByTestId("template-open-preview").locator("img, script").count()).toBe(0);
});

/** A booking of the demo spa with its conversation, read from the e2e database. */
/** A demo booking still on the books. Not only "booked": the seed books future visits and marks past ones showed or no-show, so which exist depends on the clock. */
async function demoBooking(): Promise<{ conversationId: string; treatment: string; valueCents: number }> {
  return withE2eDb(async (db) => {
    const [row] = await db
      .select({ conversationId: bookings.conversationId, treatment: bookings.treatment, valueCents: bookings.valueCents })
      .from(bookings)
      .innerJoin(organizations, eq(organizations.id, bookings.orgId))
      .where(and(eq(organizations.slug, "glow"), isNotNull(bookings.conversationId), ne(bookings.status, "cancelled")))
      .orderBy(desc(bookings.createdAt))
      .limit(1);
    if (!row?.conversationId) throw new Error("the demo spa has no booking");
    return { conversationId: row.conversationId, treatment: row.treatment, valueCents: row.valueCents };
  });
}

async function setCoordinatorsSeeRevenue(page: Page, on: boolean): Promise<void> {
  await page.goto("/settings");
  const box = page.getByLabel("Coordinators can see revenue");
  if ((await box.isChecked()) !== on) await box.setChecked(on);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
}

test('revenue (issue 13, item 8): with "coordinators can see revenue" off, a coordinator sees no booking value in a conversation or in Mark booked; on, they do', async ({
  browser,
}) => {
  const booking = await demoBooking();
  const money = formatCents(booking.valueCents);
  const desk = await browser.newPage();
  const owner = await browser.newPage();
  await signIn(desk, "desk@glow.test");
  await signIn(owner, "owner@glow.test");
  await setCoordinatorsSeeRevenue(owner, false);

  const checkDesk = async (seesValues: boolean) => {
    await desk.goto(`/inbox/${booking.conversationId}`);
    const strip = desk.getByTestId("booking").filter({ hasText: booking.treatment }).first();
    await expect(strip).toBeVisible();
    const inTimeline = desk.getByTestId("timeline-booking").filter({ hasText: booking.treatment }).first();
    await expect(inTimeline).toBeVisible();
    if (seesValues) {
      await expect(strip).toContainText(money);
      await expect(inTimeline).toContainText(money);
    } else {
      await expect(strip).not.toContainText("$");
      await expect(inTimeline).not.toContainText("$");
    }
    await desk.getByRole("button", { name: "Mark booked" }).click();
    const dialog = desk.getByRole("dialog", { name: "Mark booked" });
    await dialog.getByRole("button", { name: "Botox", exact: true }).click();
    await expect(dialog.getByLabel("Value (US dollars)")).toHaveValue(seesValues ? "650" : "");
    if (!seesValues) await expect(dialog.getByLabel("Value (US dollars)")).toHaveAccessibleDescription(/Only owners see booking values/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
  };

  try {
    await checkDesk(false);
    await owner.goto(`/inbox/${booking.conversationId}`);
    await expect(owner.getByTestId("booking").filter({ hasText: booking.treatment }).first()).toContainText(money);
    await setCoordinatorsSeeRevenue(owner, true);
    await checkDesk(true);
  } finally {
    await setCoordinatorsSeeRevenue(owner, false);
    await desk.close();
    await owner.close();
  }
});
