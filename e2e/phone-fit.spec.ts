// Every screen fits a 390 px phone (issue 13, item 13): for every page of the app, as the owner and,
// where the page differs, as a coordinator, the document never scrolls sideways (wide tables scroll
// inside their own box), every link of the main and settings navigation is on screen, and a
// full-page screenshot lands in test-results/phone-fit/.
//
// `npm run screenshots` (SCREENSHOTS=docs) runs this same walk and also writes
// docs/screenshots/<page>-desktop.png (1280x800) and <page>-phone.png (390x844) for every page.
import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const TO_DOCS = process.env.SCREENSHOTS === "docs";
const RESULTS = "test-results/phone-fit";
const DOCS = "docs/screenshots";

type Who = "owner" | "coordinator" | null;
/** A page of the app: a fixed path, or found by clicking through as a user would (ids are not fixed). */
type Screen = { name: string; who: Who; path: string | ((page: Page, browser: Browser) => Promise<string>) };

const EMAIL = { owner: "owner@glow.test", coordinator: "desk@glow.test" } as const;

async function firstHref(page: Page, from: string, link: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(link).first().getAttribute("href");
  if (!href) throw new Error(`no ${link} on ${from}`);
  return href;
}

const conversation = (page: Page) => firstHref(page, "/inbox", "a[data-testid=conversation-row]");
const contact = (page: Page) => firstHref(page, "/contacts", "a[data-testid=contact-link]");
const location = (page: Page) => firstHref(page, "/settings/locations", "a[href^='/settings/locations/']");

/** A real invitation, made by the owner in another browser; the page it opens is the invitee's. */
async function invitation(_page: Page, browser: Browser): Promise<string> {
  const context = await browser.newContext({ viewport: PHONE });
  try {
    const page = await context.newPage();
    await signIn(page, EMAIL.owner);
    await page.goto("/settings/team");
    await page.getByLabel("Email").fill(`phone-fit-${Date.now()}@glow.test`);
    await page.getByRole("button", { name: "Create invite link" }).click();
    const link = page.getByLabel("invite link", { exact: true });
    await expect(link).toHaveText(/\/invite\//);
    return new URL((await link.textContent()) ?? "").pathname;
  } finally {
    await context.close();
  }
}

const SCREENS: Screen[] = [
  { name: "inbox", who: "owner", path: "/inbox" },
  { name: "conversation", who: "owner", path: conversation },
  { name: "callbacks", who: "owner", path: "/callbacks" },
  { name: "contacts", who: "owner", path: "/contacts" },
  { name: "contact", who: "owner", path: contact },
  { name: "calls", who: "owner", path: "/calls" },
  { name: "roi", who: "owner", path: "/roi" },
  { name: "roi-list", who: "owner", path: "/roi/list?metric=missed" },
  { name: "roi-list-bookings", who: "owner", path: "/roi/list?metric=bookings" },
  { name: "settings", who: "owner", path: "/settings" },
  { name: "settings-locations", who: "owner", path: "/settings/locations" },
  { name: "settings-location", who: "owner", path: location },
  { name: "settings-templates", who: "owner", path: "/settings/templates" },
  { name: "settings-team", who: "owner", path: "/settings/team" },
  { name: "settings-integrations", who: "owner", path: "/settings/integrations" },
  { name: "settings-crm", who: "owner", path: "/settings/crm" },
  { name: "settings-api", who: "owner", path: "/settings/api" },
  { name: "getting-started", who: "owner", path: "/getting-started" },
  { name: "texting", who: "owner", path: "/texting" },
  // A coordinator's navigation and pages differ (no ROI, no settings, no revenue).
  { name: "inbox-coordinator", who: "coordinator", path: "/inbox" },
  { name: "conversation-coordinator", who: "coordinator", path: conversation },
  { name: "callbacks-coordinator", who: "coordinator", path: "/callbacks" },
  { name: "contacts-coordinator", who: "coordinator", path: "/contacts" },
  { name: "contact-coordinator", who: "coordinator", path: contact },
  { name: "calls-coordinator", who: "coordinator", path: "/calls" },
  { name: "texting-coordinator", who: "coordinator", path: "/texting" },
  // Signed out.
  { name: "login", who: null, path: "/login" },
  { name: "signup", who: null, path: "/signup" },
  { name: "invite", who: null, path: invitation },
  { name: "invite-expired", who: null, path: `/invite/${"A".repeat(43)}` },
  { name: "booking-link", who: null, path: "/b/AAAAAAAAAA" },
];

/** Loaded, every Suspense skeleton replaced by its content. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await expect(page.locator(".animate-pulse")).toHaveCount(0);
}

/** What does not fit: the document's sideways overflow, and nav links not wholly on screen. */
async function misfits(page: Page): Promise<{ overflow: number; offscreen: string[] }> {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const offscreen = [...document.querySelectorAll<HTMLAnchorElement>("nav[aria-label=Main] a, nav[aria-label=Settings] a")]
      .filter((a) => {
        const box = a.getBoundingClientRect();
        return box.width === 0 || box.left < 0 || box.right > window.innerWidth + 0.5;
      })
      .map((a) => a.textContent?.trim() ?? a.href);
    return { overflow, offscreen };
  });
}

/** Every element wider than the screen that is not inside a box that scrolls it: what clips or pushes the page. */
async function widest(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => {
        for (let p = el.parentElement; p; p = p.parentElement) if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX) && p !== document.body) return false;
        return true;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")}`),
  );
}

/** Each member signs in once for the whole file (a real sign-in); every screen opens with that session. */
const sessions = new Map<Exclude<Who, null>, BrowserContextOptions["storageState"]>();
async function sessionOf(browser: Browser, who: Exclude<Who, null>): Promise<BrowserContextOptions["storageState"]> {
  const known = sessions.get(who);
  if (known) return known;
  const context = await browser.newContext({ viewport: PHONE });
  try {
    await signIn(await context.newPage(), EMAIL[who]);
    const state = await context.storageState();
    sessions.set(who, state);
    return state;
  } finally {
    await context.close();
  }
}

for (const screen of SCREENS) {
  test(`${screen.name} fits a 390 px phone`, async ({ browser }) => {
    const storageState = screen.who ? await sessionOf(browser, screen.who) : undefined;
    const context = await browser.newContext({ viewport: PHONE, storageState });
    const page = await context.newPage();
    try {
      await page.goto(typeof screen.path === "string" ? screen.path : await screen.path(page, browser));
      await settled(page);
      if (screen.who) await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

      // The page as the phone shows it, to look at after a run (SCREENSHOTS=results; docs: below).
      if (process.env.SCREENSHOTS === "results") {
        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: `${RESULTS}/${screen.name}-phone.png`, fullPage: true });
      }
      const found = await misfits(page);
      expect.soft(found.offscreen, "navigation links off screen").toEqual([]);
      expect.soft(found.overflow, `the page scrolls sideways; too wide: ${(await widest(page)).join(", ")}`).toBeLessThanOrEqual(0);
      if (screen.who) {
        const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
        expect(await links.count()).toBe(screen.who === "owner" ? 6 : 4);
        for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });
      }

      if (TO_DOCS) {
        mkdirSync(DOCS, { recursive: true });
        await page.screenshot({ path: `${DOCS}/${screen.name}-phone.png`, fullPage: true });
        await page.setViewportSize(DESKTOP);
        await settled(page);
        await page.screenshot({ path: `${DOCS}/${screen.name}-desktop.png`, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
}

test("on a phone, the caller's number is a tap-to-call link in the conversation and on the contact page", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  try {
    await signIn(page, EMAIL.coordinator);
    for (const path of [await conversation(page), await contact(page)]) {
      await page.goto(path);
      const call = page.getByRole("link", { name: /^\(\d{3}\) \d{3}-\d{4}$/ }).first();
      await expect(call).toBeInViewport();
      const href = (await call.getAttribute("href")) ?? "";
      expect(href, path).toMatch(/^tel:\+1\d{10}$/);
      const digits = href.slice("tel:+1".length);
      await expect(call).toHaveText(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`);
    }
  } finally {
    await context.close();
  }
});
