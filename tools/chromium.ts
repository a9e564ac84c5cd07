// Which Chromium the browser tests (playwright.config.ts) and scripts/dev-walk.ts launch, and what
// `npm test` checks before it starts (scripts/test.ts): Debian's /usr/bin/chromium when present (CI
// and the machines Playwright cannot download browsers on), else Playwright's own browser after
// `npx playwright install chromium`; with neither, one line saying how to install one.
import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Root in a container has no sandbox to drop into; no GPU, a small /dev/shm, and none of the
// browser's own background traffic on a test machine.
const SYSTEM_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const NO_CHROMIUM = `No Chromium found (neither ${SYSTEM_CHROMIUM} nor Playwright's own): install one with \`apt-get install chromium\` (Debian/Ubuntu) or \`npx playwright install chromium\`.`;

export type ChromiumChoice = { found: true; description: string; launchOptions: LaunchOptions } | { found: false; message: string };

export function findChromium(exists: (file: string) => boolean = existsSync): ChromiumChoice {
  if (exists(SYSTEM_CHROMIUM)) return { found: true, description: SYSTEM_CHROMIUM, launchOptions: { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS } };
  const own = chromium.executablePath();
  if (exists(own)) return { found: true, description: `Playwright's Chromium (${own})`, launchOptions: {} };
  return { found: false, message: NO_CHROMIUM };
}

/** Launch options for the Chromium found; throws the one-line install hint when there is none. */
export function chromiumLaunchOptions(): LaunchOptions {
  const choice = findChromium();
  if (!choice.found) throw new Error(choice.message);
  return choice.launchOptions;
}
